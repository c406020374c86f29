// Preallocated typed arrays for one simulation at a time: each simulation asks for the same
// arrays in the same order, and gets views of buffers kept from the last one (grown when a
// plan is larger), zeroed or filled. Nothing a simulation returns is such a view.
class Buffers<T extends Float64Array | Int32Array | Uint8Array> {
  private readonly buffers: T[] = [];
  private next = 0;
  private readonly make: (size: number) => T;

  constructor(make: (size: number) => T) {
    this.make = make;
  }

  reset(): void {
    this.next = 0;
  }

  take(size: number, fill: number): T {
    const slot = this.next++;
    let buffer = this.buffers[slot];
    if (!buffer || buffer.length < size) buffer = this.buffers[slot] = this.make(Math.max(size, 2 * (buffer?.length ?? 0)));
    const view = buffer.subarray(0, size) as T;
    view.fill(fill);
    return view;
  }
}

const f64 = new Buffers((size) => new Float64Array(size));
const i32 = new Buffers((size) => new Int32Array(size));
const u8 = new Buffers((size) => new Uint8Array(size));

/** Starts a simulation: every view handed out before may be handed out again. */
export function resetScratch(): void {
  f64.reset();
  i32.reset();
  u8.reset();
}

export const scratchF64 = (size: number, fill = 0): Float64Array => f64.take(size, fill);
export const scratchI32 = (size: number, fill = 0): Int32Array => i32.take(size, fill);
export const scratchU8 = (size: number, fill = 0): Uint8Array => u8.take(size, fill);
