// A small SMTP server on 127.0.0.1 for a browser test whose server sends its outbox: it speaks
// the part of RFC 5321 a relay client uses (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT),
// accepts every message, except that it refuses the recipients `refuse(address)` names with a
// 550, as a relay that knows no such mailbox. What it accepted is in `received`.

import net from 'node:net';

export async function startSmtpSink({ refuse = () => false } = {}) {
  const received = [];
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('latin1');
    let buffer = '';
    let envelope = { from: '', to: [] };
    let data = null;  // the message's lines while DATA is being read
    const reply = (line) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            received.push({ ...envelope, data: data.join('\n') });
            data = null;
            envelope = { from: '', to: [] };
            reply('250 2.0.0 accepted');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        const address = (line.match(/<([^>]*)>/) ?? [])[1] ?? '';
        if (verb === 'EHLO') socket.write('250-sink.test\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO') reply('250 sink.test');
        else if (verb === 'MAIL') { envelope = { from: address, to: [] }; reply('250 2.1.0 ok'); }
        else if (verb === 'RCPT') {
          if (refuse(address)) reply('550 5.1.1 mailbox unavailable');
          else { envelope.to.push(address); reply('250 2.1.5 ok'); }
        } else if (verb === 'DATA') {
          if (!envelope.to.length) reply('554 5.5.1 no valid recipients');
          else { data = []; reply('354 end with .'); }
        } else if (verb === 'RSET') { envelope = { from: '', to: [] }; reply('250 2.0.0 ok'); }
        else if (verb === 'NOOP') reply('250 2.0.0 ok');
        else if (verb === 'QUIT') { reply('221 2.0.0 bye'); socket.end(); }
        else reply('502 5.5.2 not implemented');
      }
    });
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  return {
    port: server.address().port,
    received,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
