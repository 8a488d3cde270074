// Signs webhook payloads with Svix's own library (npm "svix", pinned in tests/package-lock.json).
// stdin: [{ "secret": "whsec_...", "id": "msg_...", "timestamp": 1614265330, "payload": "..." }, ...]
// stdout: ["v1,<base64>", ...] in the same order.
import { Webhook } from "svix";

process.stdin.setEncoding("utf8"); // decode across chunk boundaries
let input = "";
for await (const chunk of process.stdin) input += chunk;
const requests = JSON.parse(input);
const signatures = requests.map(r => new Webhook(r.secret).sign(r.id, new Date(r.timestamp * 1000), r.payload));
process.stdout.write(JSON.stringify(signatures));
