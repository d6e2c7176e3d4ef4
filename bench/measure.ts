// Timing helpers shared by the benchmarks: warm up, repeat, report the median and spread.
export interface Figure {
  name: string;
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function measure(name: string, fn: () => unknown, runs = 15, warmup = 3): Figure {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]!, runs };
}

export function print(figure: Figure, extra = ''): void {
  const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
  console.log(
    `${figure.name.padEnd(58)} median ${ms(figure.median).padStart(10)}  (min ${ms(figure.min)}, max ${ms(figure.max)}, ${figure.runs} runs)${extra ? '  ' + extra : ''}`,
  );
}
