// Runs tests/sync/support/deskProcess.ts as a child process and lets the test SIGKILL it when a chosen event
// shows up in its output (plus a delay), or wait for it to finish. Every wait is bounded.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DeskProcessInput } from './deskProcess';

const SCRIPT = fileURLToPath(new URL('./deskProcess.ts', import.meta.url));

export interface DeskEvent { event: 'status' | 'queued' | 'done'; pending?: number; queued?: number; clientId?: string; file?: string }

export interface ChildRun {
  /** Resolves when the process ended: killed (signal), or its exit code and the events it printed. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; events: DeskEvent[]; stderr: string }>;
  kill(): void;
}

/**
 * Starts the desk process. `killWhen` sees each event (and all before it) and returns a delay in ms to SIGKILL the
 * process after, or null to let it go on. The process is killed anyway after `timeoutMs`.
 */
export function runDeskProcess(input: DeskProcessInput, killWhen: (event: DeskEvent, seen: readonly DeskEvent[]) => number | null, timeoutMs: number): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const events: DeskEvent[] = [];
  let stderr = '';
  let buffered = '';
  let killScheduled = false;
  const kill = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); };
  const guard = setTimeout(kill, timeoutMs);
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const event = JSON.parse(line) as DeskEvent;
      events.push(event);
      if (killScheduled) continue;
      const delay = killWhen(event, events);
      if (delay === null) continue;
      killScheduled = true;
      if (delay === 0) kill();
      else setTimeout(kill, delay);
    }
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; events: DeskEvent[]; stderr: string }>((resolve) => {
    child.once('exit', (code, signal) => { clearTimeout(guard); resolve({ code, signal, events, stderr }); });
  });
  return { ended, kill };
}
