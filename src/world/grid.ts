/**
 * A square-cell grid over the plate and bilinear sampling of values stored
 * at cell centres. Arrays are padded with one cell on every side
 * ((nx + 2) × (ny + 2), row-major), so a 5-point stencil never branches at
 * the edges; cell (ix, iy) lives at index (iy + 1) * stride + ix + 1.
 */
export class FieldGrid {
  /** Cells across (x) and down (y). */
  readonly nx: number;
  readonly ny: number;
  /** Cell side, mm. */
  readonly cellMm: number;
  /** Row length of the padded arrays. */
  readonly stride: number;
  /** Length of the padded arrays. */
  readonly size: number;
  private readonly inv: number;

  /** A grid covering [0, width] × [0, height] mm with cells of (about) cellMm: the cell is shrunk so a whole number fits the width. */
  constructor(width: number, height: number, cellMm: number) {
    if (!(width > 0 && height > 0 && cellMm > 0)) throw new RangeError(`FieldGrid: width, height and cellMm must be > 0 (got ${width}, ${height}, ${cellMm})`);
    this.nx = Math.max(1, Math.round(width / cellMm));
    this.cellMm = width / this.nx;
    this.ny = Math.max(1, Math.ceil(height / this.cellMm - 1e-9));
    this.stride = this.nx + 2;
    this.size = this.stride * (this.ny + 2);
    this.inv = 1 / this.cellMm;
  }

  /** Padded index of cell (ix, iy). */
  index(ix: number, iy: number): number {
    return (iy + 1) * this.stride + ix + 1;
  }

  /** Centre of cell (ix, iy), mm. */
  centreX(ix: number): number {
    return (ix + 0.5) * this.cellMm;
  }

  centreY(iy: number): number {
    return (iy + 0.5) * this.cellMm;
  }

  /** Padded index of the cell containing (x, y), clamped to the grid. */
  cellAt(x: number, y: number): number {
    let ix = Math.floor(x * this.inv);
    let iy = Math.floor(y * this.inv);
    ix = ix < 0 ? 0 : ix >= this.nx ? this.nx - 1 : ix;
    iy = iy < 0 ? 0 : iy >= this.ny ? this.ny - 1 : iy;
    return this.index(ix, iy);
  }

  newArray(): Float64Array {
    return new Float64Array(this.size);
  }

  /** Fill every cell (not the padding) with f(centreX, centreY). */
  fill(values: Float64Array, f: (x: number, y: number) => number): void {
    for (let iy = 0; iy < this.ny; iy++) {
      const y = this.centreY(iy);
      for (let ix = 0; ix < this.nx; ix++) values[this.index(ix, iy)] = f(this.centreX(ix), y);
    }
  }

  /**
   * Bilinear interpolation between the four cell centres around (x, y);
   * beyond the outer centres the edge values hold. Continuous everywhere.
   */
  sample(values: Float64Array, x: number, y: number): number {
    let fx = x * this.inv - 0.5;
    let fy = y * this.inv - 0.5;
    const mx = this.nx - 1;
    const my = this.ny - 1;
    fx = fx < 0 ? 0 : Math.min(fx, mx);
    fy = fy < 0 ? 0 : Math.min(fy, my);
    const ix = fx | 0;
    const iy = fy | 0;
    const tx = fx - ix;
    const ty = fy - iy;
    const s = this.stride;
    const i = (iy + 1) * s + ix + 1;
    // At the last row or column the weight of the padding cell is 0.
    return (values[i] * (1 - tx) + values[i + 1] * tx) * (1 - ty) + (values[i + s] * (1 - tx) + values[i + s + 1] * tx) * ty;
  }

  /**
   * Bilinear interpolation over open cells only (weights renormalised), so
   * a value next to a wall is not pulled down by the wall's empty cells.
   * 0 if all four cells are closed.
   */
  sampleMasked(values: Float64Array, open: Float64Array, x: number, y: number): number {
    let fx = x * this.inv - 0.5;
    let fy = y * this.inv - 0.5;
    const mx = this.nx - 1;
    const my = this.ny - 1;
    fx = fx < 0 ? 0 : Math.min(fx, mx);
    fy = fy < 0 ? 0 : Math.min(fy, my);
    const ix = fx | 0;
    const iy = fy | 0;
    const tx = fx - ix;
    const ty = fy - iy;
    const s = this.stride;
    const i = (iy + 1) * s + ix + 1;
    const w00 = (1 - tx) * (1 - ty) * open[i];
    const w10 = tx * (1 - ty) * open[i + 1];
    const w01 = (1 - tx) * ty * open[i + s];
    const w11 = tx * ty * open[i + s + 1];
    const w = w00 + w10 + w01 + w11;
    if (w <= 0) return 0;
    return (values[i] * w00 + values[i + 1] * w10 + values[i + s] * w01 + values[i + s + 1] * w11) / w;
  }
}
