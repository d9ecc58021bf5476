/**
 * Command sequences that run on a real redis-server and on the simulated Redis. Each starts on
 * an empty database. A step is an argv, a real-time wait (both sides' clocks are real time in
 * this suite), or a full SCAN iteration whose keys are compared as a set.
 */
export type SequenceStep =
  | readonly string[]
  | { wait: number }
  /** SCAN from cursor 0 until the cursor is 0 again, with these options after the cursor. */
  | { scanAll: readonly string[] }

export interface CommandSequence {
  name: string
  steps: readonly SequenceStep[]
}

const session = (id: string, views: number) =>
  JSON.stringify({ cookie: { originalMaxAge: 60000, path: '/', httpOnly: true }, views, id })

/** sess:a … sess:e and other:x, other:y — a keyspace for the pattern sequences. */
const mixedKeys: SequenceStep[] = [
  ...['a', 'b', 'c', 'd', 'e'].map((id) => ['SET', `sess:${id}`, session(id, 1)]),
  ['SET', 'other:x', '1'],
  ['SET', 'other:y', '2'],
  ['SET', 'sess', 'no colon'],
  ['SET', 'Sess:upper', 'case matters'],
]

export const sequences: readonly CommandSequence[] = [
  // --- strings: GET, SET and its options
  { name: 'GET of a missing key', steps: [['GET', 'nope']] },
  {
    name: 'SET then GET',
    steps: [
      ['SET', 'k', 'v'],
      ['GET', 'k'],
    ],
  },
  {
    name: 'SET overwrites and clears the TTL',
    steps: [
      ['SET', 'k', 'v1', 'EX', '100'],
      ['SET', 'k', 'v2'],
      ['GET', 'k'],
      ['TTL', 'k'],
    ],
  },
  {
    name: 'SET EX gives a TTL in seconds',
    steps: [
      ['SET', 'k', 'v', 'EX', '60'],
      ['TTL', 'k'],
      ['PTTL', 'k'],
    ],
  },
  {
    name: 'SET PX gives a TTL in milliseconds',
    steps: [
      ['SET', 'k', 'v', 'PX', '45200'],
      ['TTL', 'k'],
      ['PTTL', 'k'],
    ],
  },
  {
    name: 'SET with lower-case options',
    steps: [
      ['set', 'k', 'v', 'ex', '30', 'nx'],
      ['get', 'k'],
      ['ttl', 'k'],
    ],
  },
  {
    name: 'SET NX only when missing',
    steps: [
      ['SET', 'k', 'first', 'NX'],
      ['SET', 'k', 'second', 'NX'],
      ['GET', 'k'],
    ],
  },
  {
    name: 'SET XX only when present',
    steps: [
      ['SET', 'k', 'first', 'XX'],
      ['GET', 'k'],
      ['SET', 'k', 'a'],
      ['SET', 'k', 'b', 'XX'],
    ],
  },
  {
    name: 'SET GET returns the old value',
    steps: [
      ['SET', 'k', 'new', 'GET'],
      ['SET', 'k', 'newer', 'GET'],
      ['GET', 'k'],
    ],
  },
  {
    name: 'SET NX GET on an existing key keeps it',
    steps: [
      ['SET', 'k', 'old'],
      ['SET', 'k', 'new', 'NX', 'GET'],
      ['GET', 'k'],
    ],
  },
  {
    name: 'SET KEEPTTL keeps the expiry',
    steps: [
      ['SET', 'k', 'v', 'EX', '90'],
      ['SET', 'k', 'w', 'KEEPTTL'],
      ['TTL', 'k'],
    ],
  },
  {
    name: 'SET EXAT and PXAT far in the future',
    steps: [
      ['SET', 'a', 'v', 'EXAT', '4102444800'],
      ['SET', 'b', 'v', 'PXAT', '4102444800000'],
      ['EXISTS', 'a', 'b'],
    ],
  },
  {
    name: 'SET rejects a zero, negative or non-integer expiry',
    steps: [
      ['SET', 'k', 'v', 'EX', '0'],
      ['SET', 'k', 'v', 'PX', '-5'],
      ['SET', 'k', 'v', 'EX', 'ten'],
      ['SET', 'k', 'v', 'EX', '1.5'],
      ['SET', 'k', 'v', 'EX', '99999999999999999999'],
      ['EXISTS', 'k'],
    ],
  },
  {
    name: 'SET rejects conflicting or incomplete options',
    steps: [
      ['SET', 'k', 'v', 'NX', 'XX'],
      ['SET', 'k', 'v', 'EX', '10', 'PX', '100'],
      ['SET', 'k', 'v', 'EX'],
      ['SET', 'k', 'v', 'KEEPTTL', 'EX', '10'],
      ['SET', 'k', 'v', 'SOON'],
      ['EXISTS', 'k'],
    ],
  },
  // --- DEL, EXISTS, MGET
  {
    name: 'DEL counts the keys it removed',
    steps: [
      ['SET', 'a', '1'],
      ['SET', 'b', '2'],
      ['DEL', 'a', 'b', 'c', 'a'],
      ['DEL', 'a'],
    ],
  },
  {
    name: 'EXISTS counts a repeated key twice',
    steps: [
      ['SET', 'a', '1'],
      ['EXISTS', 'a', 'a', 'b'],
    ],
  },
  {
    name: 'MGET gives null for missing and non-string keys',
    steps: [
      ['SET', 'a', '1'],
      ['HSET', 'h', 'f', 'v'],
      ['MGET', 'a', 'missing', 'h', 'a'],
    ],
  },
  // --- EXPIRE, TTL, PTTL, PERSIST
  {
    name: 'TTL and PTTL of a missing key',
    steps: [
      ['TTL', 'nope'],
      ['PTTL', 'nope'],
    ],
  },
  {
    name: 'TTL of a key without expiry',
    steps: [
      ['SET', 'k', 'v'],
      ['TTL', 'k'],
      ['PTTL', 'k'],
    ],
  },
  {
    name: 'EXPIRE sets and replaces a TTL',
    steps: [
      ['SET', 'k', 'v'],
      ['EXPIRE', 'k', '100'],
      ['TTL', 'k'],
      ['EXPIRE', 'k', '20'],
      ['TTL', 'k'],
      ['EXPIRE', 'missing', '20'],
    ],
  },
  {
    name: 'EXPIRE with zero or a negative time deletes the key',
    steps: [
      ['SET', 'a', 'v'],
      ['SET', 'b', 'v'],
      ['EXPIRE', 'a', '0'],
      ['PEXPIRE', 'b', '-1'],
      ['EXISTS', 'a', 'b'],
    ],
  },
  {
    name: 'EXPIRE NX, XX, GT and LT',
    steps: [
      ['SET', 'k', 'v'],
      ['EXPIRE', 'k', '50', 'XX'],
      ['EXPIRE', 'k', '50', 'GT'],
      ['EXPIRE', 'k', '50', 'NX'],
      ['EXPIRE', 'k', '70', 'NX'],
      ['EXPIRE', 'k', '30', 'GT'],
      ['EXPIRE', 'k', '80', 'GT'],
      ['EXPIRE', 'k', '90', 'LT'],
      ['EXPIRE', 'k', '40', 'lt'],
      ['TTL', 'k'],
    ],
  },
  {
    name: 'EXPIRE rejects bad options and non-integers',
    steps: [
      ['SET', 'k', 'v'],
      ['EXPIRE', 'k', '10', 'NX', 'XX'],
      ['EXPIRE', 'k', '10', 'GT', 'LT'],
      ['EXPIRE', 'k', '10', 'SOMETIMES'],
      ['EXPIRE', 'k', 'soon'],
      ['EXPIRE', 'k', '9223372036854775807'],
      ['TTL', 'k'],
    ],
  },
  {
    name: 'PEXPIRE and PERSIST',
    steps: [
      ['SET', 'k', 'v'],
      ['PEXPIRE', 'k', '12345'],
      ['PTTL', 'k'],
      ['PERSIST', 'k'],
      ['PERSIST', 'k'],
      ['TTL', 'k'],
      ['PERSIST', 'missing'],
    ],
  },
  {
    name: 'TTL rounds to the nearest second',
    steps: [
      ['SET', 'a', 'v', 'PX', '1400'],
      ['SET', 'b', 'v', 'PX', '1700'],
      ['SET', 'c', 'v', 'PX', '10300'],
      ['TTL', 'a'],
      ['TTL', 'b'],
      ['TTL', 'c'],
    ],
  },
  // --- expiry in real time
  {
    name: 'a key with PX expires and is gone for every command',
    steps: [
      ['SET', 'k', 'v', 'PX', '100'],
      ['SET', 'keep', 'v', 'PX', '60000'],
      { wait: 400 },
      ['GET', 'k'],
      ['EXISTS', 'k'],
      ['TTL', 'k'],
      ['MGET', 'k', 'keep'],
      ['KEYS', '*'],
      ['DBSIZE'],
    ],
  },
  {
    name: 'an expired key is not found by SCAN, and SET NX may recreate it',
    steps: [
      ['SET', 'sess:old', 'v', 'PX', '100'],
      ['SET', 'sess:new', 'v'],
      { wait: 400 },
      { scanAll: ['MATCH', 'sess:*', 'COUNT', '100'] },
      ['SET', 'sess:old', 'again', 'NX'],
      ['GET', 'sess:old'],
    ],
  },
  {
    name: 'PEXPIRE shortens a TTL so the key expires',
    steps: [
      ['SET', 'k', 'v', 'EX', '60'],
      ['PEXPIRE', 'k', '100'],
      { wait: 400 },
      ['EXPIRE', 'k', '60'],
      ['GET', 'k'],
    ],
  },
  {
    name: 'a key not yet expired is still there',
    steps: [['SET', 'k', 'v', 'PX', '5000'], { wait: 100 }, ['GET', 'k'], ['TTL', 'k']],
  },
  // --- KEYS, SCAN, DBSIZE, FLUSHDB
  {
    name: 'KEYS with *, ?, classes and escapes',
    steps: [
      ...mixedKeys,
      ['KEYS', 'sess:*'],
      ['KEYS', '*'],
      ['KEYS', 'sess:?'],
      ['KEYS', 'sess:[a-c]'],
      ['KEYS', 'sess:[^a-c]'],
      ['KEYS', 'sess:[bd]'],
      ['KEYS', '[sS]ess*'],
      ['KEYS', 'other\\:x'],
      ['KEYS', 'sess\\*'],
      ['KEYS', '*:*'],
      ['KEYS', 'nothing*'],
    ],
  },
  {
    name: 'SCAN MATCH COUNT walks every matching key once',
    steps: [
      ...mixedKeys,
      { scanAll: ['MATCH', 'sess:*', 'COUNT', '2'] },
      { scanAll: ['MATCH', 'sess:*', 'COUNT', '100'] },
      { scanAll: [] },
      { scanAll: ['MATCH', 'other:?'] },
      { scanAll: ['MATCH', 'none*', 'COUNT', '1'] },
    ],
  },
  {
    name: 'SCAN over many keys with a small COUNT',
    steps: [
      ...Array.from({ length: 60 }, (_, i) => ['SET', `sess:${i}`, String(i)]),
      ...Array.from({ length: 15 }, (_, i) => ['SET', `user:${i}`, String(i)]),
      { scanAll: ['MATCH', 'sess:*', 'COUNT', '7'] },
      { scanAll: ['MATCH', 'user:1*', 'COUNT', '5'] },
      ['DBSIZE'],
    ],
  },
  {
    name: 'SCAN TYPE filters by type',
    steps: [['SET', 's', '1'], ['HSET', 'h', 'f', 'v'], { scanAll: ['TYPE', 'hash'] }],
  },
  {
    name: 'SCAN rejects a bad cursor, COUNT or option',
    steps: [
      ['SET', 'k', 'v'],
      ['SCAN', 'start'],
      ['SCAN', '99999999999999999999999'],
      ['SCAN', '0', 'COUNT', '0'],
      ['SCAN', '0', 'COUNT', 'many'],
      ['SCAN', '0', 'MATCH'],
      ['SCAN', '0', 'LIMIT', '10'],
    ],
  },
  {
    name: 'FLUSHDB empties the database',
    steps: [...mixedKeys, ['DBSIZE'], ['FLUSHDB'], ['DBSIZE'], ['KEYS', '*'], ['FLUSHDB', 'SYNC']],
  },
  {
    name: 'FLUSHDB rejects an unknown mode',
    steps: [['SET', 'k', 'v'], ['FLUSHDB', 'NOW'], ['DBSIZE']],
  },
  // --- types and wrong-type errors
  {
    name: 'TYPE of strings, hashes and missing keys',
    steps: [
      ['SET', 's', 'v'],
      ['HSET', 'h', 'f', 'v'],
      ['TYPE', 's'],
      ['TYPE', 'h'],
      ['TYPE', 'x'],
    ],
  },
  {
    name: 'string commands on a hash answer WRONGTYPE',
    steps: [
      ['HSET', 'h', 'f', 'v'],
      ['GET', 'h'],
      ['SET', 'h', 'new', 'GET'],
      ['INCR', 'h'],
      ['HGET', 'h', 'f'],
    ],
  },
  {
    name: 'hash commands on a string answer WRONGTYPE',
    steps: [
      ['SET', 's', 'v'],
      ['HSET', 's', 'f', 'v'],
      ['HGET', 's', 'f'],
      ['HGETALL', 's'],
    ],
  },
  {
    name: 'SET replaces a hash with a string',
    steps: [
      ['HSET', 'k', 'f', 'v'],
      ['SET', 'k', 'plain'],
      ['TYPE', 'k'],
      ['GET', 'k'],
    ],
  },
  {
    name: 'HSET, HGET, HGETALL and HDEL',
    steps: [
      ['HSET', 'h', 'a', '1', 'b', '2'],
      ['HSET', 'h', 'b', '3', 'c', '4'],
      ['HGET', 'h', 'b'],
      ['HGET', 'h', 'zz'],
      ['HGETALL', 'h'],
      ['HGETALL', 'missing'],
      ['HDEL', 'h', 'a', 'zz'],
      ['HDEL', 'h', 'b', 'c'],
      ['EXISTS', 'h'],
    ],
  },
  {
    name: 'INCR, DECR and INCRBY',
    steps: [
      ['INCR', 'n'],
      ['INCRBY', 'n', '41'],
      ['DECR', 'n'],
      ['SET', 'n', 'ten'],
      ['INCR', 'n'],
      ['SET', 'big', '9223372036854775807'],
      ['INCR', 'big'],
      ['INCRBY', 'n', 'one'],
    ],
  },
  {
    name: 'INCR keeps the TTL',
    steps: [
      ['SET', 'n', '1', 'EX', '100'],
      ['INCR', 'n'],
      ['TTL', 'n'],
    ],
  },
  // --- arity and unknown commands
  {
    name: 'wrong number of arguments',
    steps: [
      ['GET'],
      ['GET', 'a', 'b'],
      ['SET', 'k'],
      ['DEL'],
      ['EXPIRE', 'k'],
      ['TTL'],
      ['PTTL', 'a', 'b'],
      ['MGET'],
      ['KEYS'],
      ['SCAN'],
      ['HSET', 'h', 'f'],
      ['HSET', 'h', 'f', 'v', 'g'],
      ['DBSIZE', 'x'],
      ['PING', 'a', 'b'],
    ],
  },
  {
    name: 'an unknown command',
    steps: [['GETT', 'k'], ['FROBNICATE'], ['PING'], ['PING', 'hello']],
  },
  // --- what connect-redis does for one session
  {
    name: "connect-redis's set, get, touch, all and destroy",
    steps: [
      ['SET', 'sess:abc', session('abc', 1), 'EX', '60'],
      ['GET', 'sess:abc'],
      ['EXPIRE', 'sess:abc', '60'],
      ['SET', 'sess:def', session('def', 2), 'EX', '3600'],
      { scanAll: ['MATCH', 'sess:*', 'COUNT', '100'] },
      ['MGET', 'sess:abc', 'sess:def'],
      ['DEL', 'sess:abc'],
      ['GET', 'sess:abc'],
      ['TTL', 'sess:def'],
    ],
  },
]
