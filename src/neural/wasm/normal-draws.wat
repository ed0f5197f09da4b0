;; The ziggurat's fast path for a run of normal deviates (src/sim/noise.ts,
;; normalSource's addTo): the sfc32 generator and the layer test in i32, each
;; deviate hz·W[iz] stored to a buffer; the same integer operations and the
;; same one multiply as the JS loop, so the same deviates bit for bit. A draw
;; outside its layer's rectangle (about 1.2 %) stops the run: JS takes the
;; wedge or the tail with the state here, and calls again from the next one.
;;
;; Built by scripts/build-wasm.mjs into normal-draws-bytes.ts. Memory is
;; imported (noise.ts): bytes 0..15 the state (a, b, c, d as i32), 16 K (128
;; i32), 528 W (128 f64), 1552 hz and 1556 iz of the draw that stopped a run,
;; 1568 the deviates (f64).
(module
  (import "normal" "mem" (memory 1))

  ;; Deviates k, k + 1, … below n into the buffer; returns n, or the index of a draw the fast path cannot take.
  (func (export "fill") (param $n i32) (param $k i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $t i32) (local $iz i32) (local $hz i32) (local $m i32)
    (local.set $a (i32.load (i32.const 0)))
    (local.set $b (i32.load (i32.const 4)))
    (local.set $c (i32.load (i32.const 8)))
    (local.set $d (i32.load (i32.const 12)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        ;; sfc32: t = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl(c, 21) + t
        (local.set $t (i32.add (i32.add (local.get $a) (local.get $b)) (local.get $d)))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (local.set $a (i32.xor (local.get $b) (i32.shr_u (local.get $b) (i32.const 9))))
        (local.set $b (i32.add (local.get $c) (i32.shl (local.get $c) (i32.const 3))))
        (local.set $c (i32.add (i32.rotl (local.get $c) (i32.const 21)) (local.get $t)))
        (local.set $iz (i32.and (local.get $t) (i32.const 127)))
        (local.set $hz (i32.shr_s (local.get $t) (i32.const 7)))
        (local.set $m (i32.shr_s (local.get $hz) (i32.const 31)))
        ;; |hz| < K[iz]: inside the rectangle
        (if (i32.ge_s (i32.sub (i32.xor (local.get $hz) (local.get $m)) (local.get $m))
                      (i32.load offset=16 (i32.shl (local.get $iz) (i32.const 2))))
          (then
            (i32.store (i32.const 1552) (local.get $hz))
            (i32.store (i32.const 1556) (local.get $iz))
            (br $done)))
        (f64.store offset=1568 (i32.shl (local.get $k) (i32.const 3))
          (f64.mul (f64.convert_i32_s (local.get $hz)) (f64.load offset=528 (i32.shl (local.get $iz) (i32.const 3)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (i32.store (i32.const 0) (local.get $a))
    (i32.store (i32.const 4) (local.get $b))
    (i32.store (i32.const 8) (local.get $c))
    (i32.store (i32.const 12) (local.get $d))
    (local.get $k))
)
