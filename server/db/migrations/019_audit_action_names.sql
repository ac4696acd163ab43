-- The command line's audit entries take the names the console writes (server/staff/accounts.ts),
-- so the console's audit filter finds an account's whole history under one name.
update audit_log set action = 'staff.add' where action = 'staff.create';
update audit_log set action = 'staff.password_reset' where action = 'staff.password_change';
