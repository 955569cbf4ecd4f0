// Polls <url>/healthz from a process of its own, so that the time measured is the server's and
// not that of a test process busy generating load. Reports on any IPC message, then exits.
import http from 'node:http';

const [url, everyMs = '25'] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let worstMs = 0;
let polls = 0;
const failures = [];

function poll() {
  const started = performance.now();
  const done = () => {
    worstMs = Math.max(worstMs, performance.now() - started);
    polls++;
    setTimeout(poll, Number(everyMs));
  };
  const req = http.get(`${url}/healthz`, { agent, timeout: 5_000 }, (res) => {
    res.resume();
    res.on('end', () => {
      if (res.statusCode !== 200) failures.push(`status ${res.statusCode}`);
      done();
    });
  });
  req.on('timeout', () => req.destroy(new Error('no answer in 5 s')));
  req.on('error', (error) => {
    failures.push(String(error));
    done();
  });
}

process.on('message', () => {
  process.send({ worstMs, polls, failures: failures.slice(0, 20) }, () => process.exit(0));
});
poll();
