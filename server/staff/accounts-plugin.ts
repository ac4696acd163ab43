/**
 * Staff accounts for owners, registered under `/api/merchant`: list, add, disable, enable, and
 * reset a password. Every route needs an owner's session (403 `forbidden` for staff), checked on
 * `onRequest` before the body is parsed. The rules are accounts.ts's, shared with the command line.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorBody,
  CreateStaffInput,
  ResetStaffPasswordInput,
  StaffAccount,
  StaffAccountList,
  StaffNameParams,
} from '../../contract'
import type { Db } from '../db/types'
import { HttpError } from '../http/errors'
import { privateAnswers } from '../http/vary'
import {
  addStaffAccount,
  disableStaffAccount,
  enableStaffAccount,
  resetStaffPassword,
  StaffAccountError,
} from './accounts'
import { requireRole, requireStaff, staffOf } from './guard'
import { MERCHANT_ROUTE } from './plugin'
import { listStaff, type StaffListing } from './repository'

export interface StaffAccountRoutesOptions {
  db: Db
}

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody }
const changeErrors = { ...errors, 409: ApiErrorBody }

const toAccount = (staff: StaffListing): StaffAccount => ({
  name: staff.name,
  role: staff.role,
  createdAt: staff.createdAt.toISOString(),
  ...(staff.disabledAt ? { disabledAt: staff.disabledAt.toISOString() } : {}),
})

/** The rules' refusals as HTTP answers. */
function asHttp(error: unknown): never {
  if (!(error instanceof StaffAccountError)) throw error
  if (error.code === 'staff_not_found') throw new HttpError(404, 'not_found', error.message)
  if (error.code === 'staff_password_invalid') throw new HttpError(400, 'bad_request', error.message)
  throw new HttpError(409, error.code, error.message)
}

export const staffAccountRoutes: FastifyPluginAsyncTypebox<StaffAccountRoutesOptions> = async (
  app,
  { db },
) => {
  app.addHook('onRequest', requireStaff(db))
  app.addHook('onRequest', requireRole('owner'))
  privateAnswers(app)

  app.get(
    '/staff',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'Every staff account, by name (owner only)',
        response: { 200: StaffAccountList, ...errors },
      },
    },
    async () => ({ items: (await listStaff(db)).map(toAccount) }),
  )

  app.post(
    '/staff',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'Add a staff account (owner only)',
        body: CreateStaffInput,
        response: { 201: StaffAccount, ...changeErrors },
      },
    },
    async (request, reply) => {
      const created = await addStaffAccount(db, request.body, staffOf(request).id).catch(asHttp)
      return reply.code(201).send(toAccount(created))
    },
  )

  app.post(
    '/staff/:name/disable',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'Disable an account and end its sessions (owner only; not your own, not the last owner)',
        params: StaffNameParams,
        response: { 200: StaffAccount, ...changeErrors },
      },
    },
    async (request) => {
      const { account } = await disableStaffAccount(db, request.params.name, staffOf(request).id).catch(
        asHttp,
      )
      return toAccount(account)
    },
  )

  app.post(
    '/staff/:name/enable',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'Let a disabled account log in again (owner only)',
        params: StaffNameParams,
        response: { 200: StaffAccount, ...errors },
      },
    },
    async (request) => {
      const { account } = await enableStaffAccount(db, request.params.name, staffOf(request).id).catch(asHttp)
      return toAccount(account)
    },
  )

  app.put(
    '/staff/:name/password',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: "Set an account's password and end its sessions (owner only)",
        params: StaffNameParams,
        body: ResetStaffPasswordInput,
        response: { 204: { type: 'null', description: 'Set; its sessions have ended' }, ...errors },
      },
    },
    async (request, reply) => {
      await resetStaffPassword(db, request.params.name, request.body.password, staffOf(request).id).catch(
        asHttp,
      )
      return reply.code(204).send()
    },
  )
}
