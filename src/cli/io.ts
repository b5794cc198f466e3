/** Everything the CLI touches outside itself, so `run` can be driven in-process by tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  /**
   * Writes one piece of a large output and resolves when the reader can take more (back-pressure),
   * so memory stays flat however many rows a command writes. Absent in-process: `stdout` is used.
   */
  readonly writeStdout?: (piece: string | Uint8Array) => Promise<void>;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour, progress bars). */
  readonly isTTY: boolean;
  /** Terminal width in columns, when stdout is a terminal. */
  readonly columns?: number | undefined;
  /** Whether stderr is a terminal (progress bars go there, only then). */
  readonly stderrIsTTY?: boolean;
  /** Reads all of stdin, up to `maxBytes` (more is an error). Absent where there is no stdin. */
  readonly readStdin?: (maxBytes: number) => Promise<Uint8Array>;
  /** Today's date, YYYY-MM-DD (the run's start for a finish date). Absent: the system clock's UTC date. */
  readonly today?: () => string;
}
