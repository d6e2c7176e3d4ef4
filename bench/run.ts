// `npm run bench`: every benchmark, printed as figures.
import { benchDerive } from './derive';

console.log(`PacketWalk benchmarks — node ${process.version}, ${new Date().toISOString()}`);
benchDerive();
