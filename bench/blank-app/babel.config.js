// The shop's own babel settings (same targets), so both bundles are compiled alike.
module.exports = require('../../babel.config.js')
