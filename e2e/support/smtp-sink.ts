import net from "node:net";

/*
 * Tests only: a stand-in SMTP server, so mail sent through SMTP_URL (nodemailer) can be read back.
 */

/** The least SMTP server nodemailer will talk to: accepts every message and keeps its text. */
export async function startSmtpSink(): Promise<{ port: number; messages: string[]; close: () => Promise<void> }> {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    let data: string | null = null;
    let buffer = "";
    socket.write("220 sink ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let newline: number;
      while ((newline = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (data !== null) {
          if (line === ".") {
            messages.push(data);
            data = null;
            socket.write("250 OK\r\n");
          } else data += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 sink\r\n");
        else if (/^DATA/i.test(line)) {
          data = "";
          socket.write("354 go ahead\r\n");
        } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
        else socket.write("250 OK\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The subject and first link of a received message (its body may be quoted-printable). */
export function readMessage(raw: string): { subject: string; to: string; link: string | null } {
  const decoded = raw.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return {
    subject: decoded.match(/^Subject: (.*)$/m)?.[1]?.trim() ?? "",
    to: decoded.match(/^To: (.*)$/m)?.[1]?.trim() ?? "",
    link: decoded.match(/https?:\/\/\S+/)?.[0] ?? null,
  };
}
