// The npm packages server code may require, each evaluated on its first require — as Node does.
// Kept as CommonJS on purpose: the bundler turns these requires into lazy module factories,
// so e.g. express-session reads process.env.NODE_ENV only when server.js first requires it.
module.exports = {
  express: () => require('express'),
  'express-session': () => require('express-session'),
  'cookie-parser': () => require('cookie-parser'),
  'body-parser': () => require('body-parser'),
  cookie: () => require('cookie'),
  'cookie-signature': () => require('cookie-signature'),
}
