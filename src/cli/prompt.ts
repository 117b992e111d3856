/**
 * Read a secret from the terminal without echo, asking twice when `confirm` is set.
 */
import { createInterface } from 'node:readline';

function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput?: (s: string) => void; output: NodeJS.WritableStream };
    out._writeToOutput = (s: string) => {
      if (s.includes(question)) out.output.write(s);
      else if (s.includes('\n') || s.includes('\r')) out.output.write('\n');
    };
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

export async function readSecret(question: string, confirm = false): Promise<string> {
  const first = await ask(question);
  if (confirm) {
    const again = await ask('再次输入 Again: ');
    if (again !== first) throw new Error('两次输入不一致 passwords differ');
  }
  return first;
}
