// Drives the original BlinkTrade JavaScript SDK (npm "blinktrade" 0.0.21) against a reference exchange, as a user
// of that SDK would: connect, heartbeat, a rejected wrong password, login, balance, order book subscription with
// live updates, send and cancel an order, my orders, logout. Prints "COMPAT OK" and exits 0 on success.
// Usage: node blinktrade-js-compat.js ws://127.0.0.1:PORT/trade/ username password
'use strict';
const { BlinkTradeWS } = require('blinktrade');

const [url, username, password] = process.argv.slice(2);
const fail = (step, err) => {
  console.error(`COMPAT FAIL at ${step}:`, err && (err.stack || JSON.stringify(err)));
  process.exit(1);
};
process.on('uncaughtException', (err) => fail('uncaught', err));
setTimeout(() => fail('timeout', 'no result after 30 s'), 30000).unref();

const check = (step, condition, detail) => { if (!condition) fail(step, detail); console.log(`ok - ${step}`); };

async function main() {
  const bt = new BlinkTradeWS({ url, brokerId: 5 });
  await bt.connect();
  console.log('ok - connect');

  const hb = await bt.heartbeat();
  check('heartbeat', hb.MsgType === '0' && typeof hb.ServerTimestamp === 'number' && hb.Latency >= 0, hb);

  let rejected = null;
  try { await bt.login({ username, password: password + 'wrong' }); } catch (e) { rejected = e; }
  check('wrong password rejected', rejected && rejected.UserStatus === 3 && rejected.UserStatusText, rejected);

  const session = await bt.login({ username, password });
  check('login', session.UserStatus === 1 && session.Username === username, session);

  const balance = await bt.balance();
  check('balance', balance['5'] && typeof balance['5'].BTC === 'number' && typeof balance.Available.USD === 'number', balance);

  const bookEvents = [];
  const book = await bt.subscribeOrderbook(['BTCUSD'])
    .on('OB:NEW_ORDER', (o) => bookEvents.push(o))
    .on('OB:DELETE_ORDER', (o) => bookEvents.push(o));
  check('orderbook snapshot', book.MsgType === 'W' && book.MDFullGrp.BTCUSD, book);

  const reports = [];
  bt.executionReport().on('EXECUTION_REPORT:*', (er) => reports.push(er));

  const order = await bt.sendOrder({ side: '1', price: 100 * 1e8, amount: 0.01 * 1e8, symbol: 'BTCUSD' });
  check('send order', order.MsgType === '8' && order.OrdStatus === '0' && order.OrderID > 0, order);

  await new Promise((resolve) => setTimeout(resolve, 300));
  check('live book update', bookEvents.some((e) => e.type === 'OB:NEW_ORDER' && e.orderId === order.OrderID), bookEvents);

  const mine = await bt.myOrders({ filter: ['has_leaves_qty eq 1'] });
  check('my orders', mine.OrdListGrp.some((o) => o.OrderID === order.OrderID && o.ClOrdID === order.ClOrdID), mine);

  const cancelled = await bt.cancelOrder({ orderId: order.OrderID, clientId: order.ClOrdID });
  check('cancel order', cancelled.MsgType === '8' && cancelled.OrdStatus === '4', cancelled);

  await new Promise((resolve) => setTimeout(resolve, 300));
  check('live book delete', bookEvents.some((e) => e.type === 'OB:DELETE_ORDER'), bookEvents);
  check('execution report events', reports.some((r) => r.ExecType === '4'), reports);

  const logout = await bt.logout();
  check('logout', logout.UserStatus === 2, logout);

  bt.disconnect();
  console.log('COMPAT OK');
  process.exit(0);
}

main().catch((err) => fail('main', err));
