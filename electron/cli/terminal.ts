// Text from a plan (names of plans, streams, services, scenarios) reaches the terminal. A
// control character in it could clear the screen, retitle the window or plant a link, so
// every line the CLI prints shows such characters as visible \u escapes instead. In JSON
// output those escapes are JSON's own, so the JSON still means exactly the same values.

// C0 controls but tab and newline (a carriage return only before a newline, as CSV ends its
// rows), DEL, C1 controls, and the bidirectional overrides that can reorder what is shown.
// eslint-disable-next-line no-control-regex -- finding control characters is this module's job
const UNSAFE = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
