;; The fused LIF event step's per-neuron pass (src/neural/models/lif.ts,
;; lifKernel's main loop with events on, own input, no conductance) in f64x2
;; SIMD: the same IEEE operations in the same order as the JS loop (wasm has
;; no fused multiply-add), so the same bits. The refractory list stays in JS.
;;
;; The loop takes blocks of 16 neurons (eight pairs, written out) and has no
;; call in it: a block where a lane reached the lowest threshold is only noted
;; (its byte offset, in the scratch after the fired list), and the noted
;; blocks go through the scalar threshold test ($fire) after the loop, in
;; order, so the fired list stays ascending. Each neuron's update reads and
;; writes its own slots only, so testing after the loop gives the same bits.
;; g_e and g_i are read once a pair into locals (V8 reloaded them after the
;; store to `current`, which it cannot prove is elsewhere). Each was measured
;; on the whole CUBA step (docs/benchmarks.md, "Issue 16, session 8: CUBA").
;; Each array has its own pointer, advanced once a block, so every access is
;; a pointer plus a constant. Where every neuron has the same rest, R and decay
;; (CUBA; the arena looks after each edit), the pass reads 16 copies of each
;; from 384 bytes after the arrays instead: a quarter less memory traffic, the
;; same bits ("Issue 16, session 17: CUBA" in docs/benchmarks.md).
;; The last n mod 16 neurons go one by one ($one).
;;
;; Built by scripts/build-wasm.mjs (Debian's or npm's wat2wasm) into
;; lif-fused-bytes.ts. Memory is imported: the population's arena
;; (lif-arena.ts), 13 arrays of stride s bytes (s = n·8 rounded up to 16):
;;   0 input  1 ge  2 gi  3 current  4 rest  5 resistance  6 v  7 decay
;;   8 gate  9 resetV  10 trace  11 fired (i32; blocks noted from byte 4n on)  12 spiked (u8)
;; then rest, R and decay ×16 each (384 bytes; step's uni), and after them, where the network's synapses
;; were given room, the CSR tables `deliver` reads.
(module
  (import "lif" "mem" (memory 1))

  ;; Neuron at byte offset p (of an f64 array) has V already stored: the gate test, and on a spike
  ;; V = reset, spiked = 1, trace += up, fired[count++] = i. Returns count.
  (func $fire (param $p i32) (param $s i32) (param $low f64) (param $up f64) (param $count i32) (result i32)
    (local $x f64) (local $q i32)
    (local.set $q (i32.add (local.get $p) (i32.mul (local.get $s) (i32.const 6))))
    (local.set $x (f64.load (local.get $q)))
    (if (f64.ge (local.get $x) (local.get $low))
      (then
        (if (f64.ge (local.get $x) (f64.load (i32.add (local.get $p) (i32.shl (local.get $s) (i32.const 3)))))
          (then
            (f64.store (local.get $q) (f64.load (i32.add (local.get $p) (i32.mul (local.get $s) (i32.const 9)))))
            (i32.store8 (i32.add (i32.mul (local.get $s) (i32.const 12)) (i32.shr_u (local.get $p) (i32.const 3))) (i32.const 1))
            (local.set $q (i32.add (local.get $p) (i32.mul (local.get $s) (i32.const 10))))
            (f64.store (local.get $q) (f64.add (f64.load (local.get $q)) (local.get $up)))
            (i32.store (i32.add (i32.mul (local.get $s) (i32.const 11)) (i32.shl (local.get $count) (i32.const 2)))
                       (i32.shr_u (local.get $p) (i32.const 3)))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))))))
    (local.get $count))

  ;; One neuron, scalar (the last n mod 16).
  (func $one (param $p i32) (param $s i32) (param $decE f64) (param $decI f64) (param $low f64) (param $up f64) (param $count i32) (result i32)
    (local $I f64) (local $vInf f64) (local $a i32)
    ;; I = input + (ge − gi); current = I; ge ×= decE; gi ×= decI
    (local.set $I (f64.add (f64.load (local.get $p))
      (f64.sub (f64.load (i32.add (local.get $p) (local.get $s)))
               (f64.load (i32.add (local.get $p) (i32.shl (local.get $s) (i32.const 1)))))))
    (f64.store (i32.add (local.get $p) (i32.mul (local.get $s) (i32.const 3))) (local.get $I))
    (local.set $a (i32.add (local.get $p) (local.get $s)))
    (f64.store (local.get $a) (f64.mul (f64.load (local.get $a)) (local.get $decE)))
    (local.set $a (i32.add (local.get $p) (i32.shl (local.get $s) (i32.const 1))))
    (f64.store (local.get $a) (f64.mul (f64.load (local.get $a)) (local.get $decI)))
    ;; vInf = rest + R·I; v = vInf + (v − vInf)·decay
    (local.set $vInf (f64.add (f64.load (i32.add (local.get $p) (i32.shl (local.get $s) (i32.const 2))))
      (f64.mul (f64.load (i32.add (local.get $p) (i32.mul (local.get $s) (i32.const 5)))) (local.get $I))))
    (local.set $a (i32.add (local.get $p) (i32.mul (local.get $s) (i32.const 6))))
    (f64.store (local.get $a) (f64.add (local.get $vInf)
      (f64.mul (f64.sub (f64.load (local.get $a)) (local.get $vInf))
               (f64.load (i32.add (local.get $p) (i32.mul (local.get $s) (i32.const 7)))))))
    (call $fire (local.get $p) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))

  ;; Every neuron; returns how many fired (their indices ascending in fired[]).
  (func (export "step") (param $n i32) (param $s i32) (param $decE f64) (param $decI f64) (param $low f64) (param $up f64) (param $uni i32) (result i32)
    (local $o i32) (local $p i32) (local $end i32) (local $count i32) (local $noted i32) (local $notes i32)
    (local $I v128) (local $e v128) (local $g v128) (local $vInf v128) (local $vi v128) (local $m v128) (local $dE v128) (local $dI v128) (local $lo v128)
    (local $s2 i32) (local $s3 i32) (local $s4 i32) (local $s5 i32) (local $s6 i32) (local $s7 i32)
    (local $pE i32) (local $pG i32) (local $pC i32) (local $pRest i32) (local $pR i32) (local $pV i32) (local $pD i32) (local $inc i32)
    (local.set $s2 (i32.shl (local.get $s) (i32.const 1)))
    (local.set $s3 (i32.mul (local.get $s) (i32.const 3)))
    (local.set $s4 (i32.shl (local.get $s) (i32.const 2)))
    (local.set $s5 (i32.mul (local.get $s) (i32.const 5)))
    (local.set $s6 (i32.mul (local.get $s) (i32.const 6)))
    (local.set $s7 (i32.mul (local.get $s) (i32.const 7)))
    (local.set $dE (f64x2.splat (local.get $decE)))
    (local.set $dI (f64x2.splat (local.get $decI)))
    (local.set $lo (f64x2.splat (local.get $low)))
    ;; noted blocks: i32 byte offsets after the fired list's n entries (at most n/16 of them; the stride leaves 4n bytes)
    (local.set $notes (i32.add (i32.mul (local.get $s) (i32.const 11)) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $noted (local.get $notes))
    ;; blocks: byte offsets 0, 128, … below (n & ~15)·8
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 3)))
    ;; one pointer per array, so each access is that pointer plus a constant (no address sum a pair)
    (local.set $pE (local.get $s))
    (local.set $pG (local.get $s2))
    (local.set $pC (local.get $s3))
    (local.set $pV (local.get $s6))
    ;; rest, R and decay: per neuron, or (uni ≠ 0) 16 copies each of the one value every neuron has, at uni,
    ;; uni + 128, uni + 256, read again every block: the same bits without streaming three arrays from L2
    (if (local.get $uni)
      (then
        (local.set $pRest (local.get $uni))
        (local.set $pR (i32.add (local.get $uni) (i32.const 128)))
        (local.set $pD (i32.add (local.get $uni) (i32.const 256))))
      (else
        (local.set $pRest (local.get $s4))
        (local.set $pR (local.get $s5))
        (local.set $pD (local.get $s7))
        (local.set $inc (i32.const 128))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        ;; pair 0
        (local.set $e (v128.load (local.get $pE)))
        (local.set $g (v128.load (local.get $pG)))
        (local.set $I (f64x2.add (v128.load (local.get $o)) (f64x2.sub (local.get $e) (local.get $g))))
        (v128.store (local.get $pC) (local.get $I))
        (v128.store (local.get $pE) (f64x2.mul (local.get $e) (local.get $dE)))
        (v128.store (local.get $pG) (f64x2.mul (local.get $g) (local.get $dI)))
        (local.set $vInf (f64x2.add (v128.load (local.get $pRest))
          (f64x2.mul (v128.load (local.get $pR)) (local.get $I))))
        (local.set $vi (f64x2.add (local.get $vInf)
          (f64x2.mul (f64x2.sub (v128.load (local.get $pV)) (local.get $vInf))
                     (v128.load (local.get $pD)))))
        (v128.store (local.get $pV) (local.get $vi))
        (local.set $m (f64x2.ge (local.get $vi) (local.get $lo)))
        ;; pair 1
        (local.set $e (v128.load offset=16 (local.get $pE)))
        (local.set $g (v128.load offset=16 (local.get $pG)))
        (local.set $I (f64x2.add (v128.load offset=16 (local.get $o)) (f64x2.sub (local.get $e) (local.get $g))))
        (v128.store offset=16 (local.get $pC) (local.get $I))
        (v128.store offset=16 (local.get $pE) (f64x2.mul (local.get $e) (local.get $dE)))
        (v128.store offset=16 (local.get $pG) (f64x2.mul (local.get $g) (local.get $dI)))
        (local.set $vInf (f64x2.add (v128.load offset=16 (local.get $pRest))
          (f64x2.mul (v128.load offset=16 (local.get $pR)) (local.get $I))))
        (local.set $vi (f64x2.add (local.get $vInf)
          (f64x2.mul (f64x2.sub (v128.load offset=16 (local.get $pV)) (local.get $vInf))
                     (v128.load offset=16 (local.get $pD)))))
        (v128.store offset=16 (local.get $pV) (local.get $vi))
        (local.set $m (v128.or (local.get $m) (f64x2.ge (local.get $vi) (local.get $lo))))
        ;; pair 2
        (local.set $e (v128.load offset=32 (local.get $pE)))
        (local.set $g (v128.load offset=32 (local.get $pG)))
        (local.set $I (f64x2.add (v128.load offset=32 (local.get $o)) (f64x2.sub (local.get $e) (local.get $g))))
        (v128.store offset=32 (local.get $pC) (local.get $I))
        (v128.store offset=32 (local.get $pE) (f64x2.mul (local.get $e) (local.get $dE)))
        (v128.store offset=32 (local.get $pG) (f64x2.mul (local.get $g) (local.get $dI)))
        (local.set $vInf (f64x2.add (v128.load offset=32 (local.get $pRest))
          (f64x2.mul (v128.load offset=32 (local.get $pR)) (local.get $I))))
        (local.set $vi (f64x2.add (local.get $vInf)
          (f64x2.mul (f64x2.sub (v128.load offset=32 (local.get $pV)) (local.get $vInf))
                     (v128.load offset=32 (local.get $pD)))))
        (v128.store offset=32 (local.get $pV) (local.get $vi))
        (local.set $m (v128.or (local.get $m) (f64x2.ge (local.get $vi) (local.get $lo))))
        ;; pair 3
        (local.set $e (v128.load offset=48 (local.get $pE)))
        (local.set $g (v128.load offset=48 (local.get $pG)))
        (local.set $I (f64x2.add (v128.load offset=48 (local.get $o)) (f64x2.sub (local.get $e) (local.get $g))))
        (v128.store offset=48 (local.get $pC) (local.get $I))
        (v128.store offset=48 (local.get $pE) (f64x2.mul (local.get $e) (local.get $dE)))
        (v128.store offset=48 (local.get $pG) (f64x2.mul (local.get $g) (local.get $dI)))
        (local.set $vInf (f64x2.add (v128.load offset=48 (local.get $pRest))
          (f64x2.mul (v128.load offset=48 (local.get $pR)) (local.get $I))))
        (local.set $vi (f64x2.add (local.get $vInf)
          (f64x2.mul (f64x2.sub (v128.load offset=48 (local.get $pV)) (local.get $vInf))
                     (v128.load offset=48 (local.get $pD)))))
        (v128.store offset=48 (local.get $pV) (local.get $vi))
        (local.set $m (v128.or (local.get $m) (f64x2.ge (local.get $vi) (local.get $lo))))
        ;; pair 4
        (local.set $e (v128.load offset=64 (local.get $pE)))
        (local.set $g (v128.load offset=64 (local.get $pG)))
        (local.set $I (f64x2.add (v128.load offset=64 (local.get $o)) (f64x2.sub (local.get $e) (local.get $g))))
        (v128.store offset=64 (local.get $pC) (local.get $I))
        (v128.store offset=64 (local.get $pE) (f64x2.mul (local.get $e) (local.get $dE)))
        (v128.store offset=64 (local.get $pG) (f64x2.mul (local.get $g) (local.get $dI)))
        (local.set $vInf (f64x2.add (v128.load offset=64 (local.get $pRest))
          (f64x2.mul (v128.load offset=64 (local.get $pR)) (local.get $I))))
        (local.set $vi (f64x2.add (local.get $vInf)
          (f64x2.mul (f64x2.sub (v128.load offset=64 (local.get $pV)) (local.get $vInf))
                     (v128.load offset=64 (local.get $pD)))))
        (v128.store offset=64 (local.get $pV) (local.get $vi))
        (local.set $m (v128.or (local.get $m) (f64x2.ge (local.get $vi) (local.get $lo))))
        ;; pair 5
        (local.set $e (v128.load offset=80 (local.get $pE)))
        (local.set $g (v128.load offset=80 (local.get $pG)))
        (local.set $I (f64x2.add (v128.load offset=80 (local.get $o)) (f64x2.sub (local.get $e) (local.get $g))))
        (v128.store offset=80 (local.get $pC) (local.get $I))
        (v128.store offset=80 (local.get $pE) (f64x2.mul (local.get $e) (local.get $dE)))
        (v128.store offset=80 (local.get $pG) (f64x2.mul (local.get $g) (local.get $dI)))
        (local.set $vInf (f64x2.add (v128.load offset=80 (local.get $pRest))
          (f64x2.mul (v128.load offset=80 (local.get $pR)) (local.get $I))))
        (local.set $vi (f64x2.add (local.get $vInf)
          (f64x2.mul (f64x2.sub (v128.load offset=80 (local.get $pV)) (local.get $vInf))
                     (v128.load offset=80 (local.get $pD)))))
        (v128.store offset=80 (local.get $pV) (local.get $vi))
        (local.set $m (v128.or (local.get $m) (f64x2.ge (local.get $vi) (local.get $lo))))
        ;; pair 6
        (local.set $e (v128.load offset=96 (local.get $pE)))
        (local.set $g (v128.load offset=96 (local.get $pG)))
        (local.set $I (f64x2.add (v128.load offset=96 (local.get $o)) (f64x2.sub (local.get $e) (local.get $g))))
        (v128.store offset=96 (local.get $pC) (local.get $I))
        (v128.store offset=96 (local.get $pE) (f64x2.mul (local.get $e) (local.get $dE)))
        (v128.store offset=96 (local.get $pG) (f64x2.mul (local.get $g) (local.get $dI)))
        (local.set $vInf (f64x2.add (v128.load offset=96 (local.get $pRest))
          (f64x2.mul (v128.load offset=96 (local.get $pR)) (local.get $I))))
        (local.set $vi (f64x2.add (local.get $vInf)
          (f64x2.mul (f64x2.sub (v128.load offset=96 (local.get $pV)) (local.get $vInf))
                     (v128.load offset=96 (local.get $pD)))))
        (v128.store offset=96 (local.get $pV) (local.get $vi))
        (local.set $m (v128.or (local.get $m) (f64x2.ge (local.get $vi) (local.get $lo))))
        ;; pair 7
        (local.set $e (v128.load offset=112 (local.get $pE)))
        (local.set $g (v128.load offset=112 (local.get $pG)))
        (local.set $I (f64x2.add (v128.load offset=112 (local.get $o)) (f64x2.sub (local.get $e) (local.get $g))))
        (v128.store offset=112 (local.get $pC) (local.get $I))
        (v128.store offset=112 (local.get $pE) (f64x2.mul (local.get $e) (local.get $dE)))
        (v128.store offset=112 (local.get $pG) (f64x2.mul (local.get $g) (local.get $dI)))
        (local.set $vInf (f64x2.add (v128.load offset=112 (local.get $pRest))
          (f64x2.mul (v128.load offset=112 (local.get $pR)) (local.get $I))))
        (local.set $vi (f64x2.add (local.get $vInf)
          (f64x2.mul (f64x2.sub (v128.load offset=112 (local.get $pV)) (local.get $vInf))
                     (v128.load offset=112 (local.get $pD)))))
        (v128.store offset=112 (local.get $pV) (local.get $vi))
        (local.set $m (v128.or (local.get $m) (f64x2.ge (local.get $vi) (local.get $lo))))
        (if (v128.any_true (local.get $m))
          (then
            (i32.store (local.get $noted) (local.get $o))
            (local.set $noted (i32.add (local.get $noted) (i32.const 4)))))
        (local.set $o (i32.add (local.get $o) (i32.const 128)))
        (local.set $pE (i32.add (local.get $pE) (i32.const 128)))
        (local.set $pG (i32.add (local.get $pG) (i32.const 128)))
        (local.set $pC (i32.add (local.get $pC) (i32.const 128)))
        (local.set $pRest (i32.add (local.get $pRest) (local.get $inc)))
        (local.set $pR (i32.add (local.get $pR) (local.get $inc)))
        (local.set $pV (i32.add (local.get $pV) (i32.const 128)))
        (local.set $pD (i32.add (local.get $pD) (local.get $inc)))
        (br $next)))
    ;; the noted blocks' neurons through the threshold test, in order
    (local.set $o (local.get $notes))
    (block $tested
      (loop $test
        (br_if $tested (i32.ge_u (local.get $o) (local.get $noted)))
        (local.set $p (i32.load (local.get $o)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 0)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 8)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 16)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 24)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 32)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 40)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 48)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 56)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 64)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 72)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 80)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 88)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 96)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 104)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 112)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $count (call $fire (i32.add (local.get $p) (i32.const 120)) (local.get $s) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $test)))
    ;; the last n mod 16 neurons
    (local.set $p (local.get $end))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $last
      (loop $each
        (br_if $last (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $count (call $one (local.get $p) (local.get $s) (local.get $decE) (local.get $decI) (local.get $low) (local.get $up) (local.get $count)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $each)))
    (local.get $count))

  ;; Spike delivery through the plain exponential synapses (compile/exponential.ts, deliverKernel): for
  ;; each of fired[0 .. count), its CSR row adds w to ge[post] (w ≥ 0) or subtracts it from gi[post]
  ;; (w < 0). Same additions in the same order as the JS kernel, so the same bits (V8's JS code for this
  ;; random read-modify-write was slower). A row whose weights are all one value (its entry in the
  ;; row weights, NaN where they differ) skips the weight column. Byte offsets: row starts (i32, n + 1),
  ;; row weights (f64, n), post (i32), w (f64).
  (func (export "deliver") (param $count i32) (param $s i32) (param $rows i32) (param $uniform i32) (param $post i32) (param $w i32)
    (local $j i32) (local $i i32) (local $k i32) (local $end i32) (local $x f64) (local $u f64) (local $a i32) (local $fired i32)
    (local.set $fired (i32.mul (local.get $s) (i32.const 11)))
    (block $done
      (loop $spike
        (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $i (i32.load (i32.add (local.get $fired) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $a (i32.add (local.get $rows) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $k (i32.load (local.get $a)))
        (local.set $end (i32.load offset=4 (local.get $a)))
        (local.set $u (f64.load (i32.add (local.get $uniform) (i32.shl (local.get $i) (i32.const 3)))))
        (if (f64.ge (local.get $u) (f64.const 0))
          (then
            (block $rowE
              (loop $e
                (br_if $rowE (i32.ge_u (local.get $k) (local.get $end)))
                (local.set $a (i32.add (local.get $s)
                  (i32.shl (i32.load (i32.add (local.get $post) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3))))
                (f64.store (local.get $a) (f64.add (f64.load (local.get $a)) (local.get $u)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $e))))
          (else
            (if (f64.lt (local.get $u) (f64.const 0))
              (then
                (block $rowI
                  (loop $in
                    (br_if $rowI (i32.ge_u (local.get $k) (local.get $end)))
                    (local.set $a (i32.add (i32.shl (local.get $s) (i32.const 1))
                      (i32.shl (i32.load (i32.add (local.get $post) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3))))
                    (f64.store (local.get $a) (f64.sub (f64.load (local.get $a)) (local.get $u)))
                    (local.set $k (i32.add (local.get $k) (i32.const 1)))
                    (br $in))))
              (else
                (block $row
                  (loop $synapse
                    (br_if $row (i32.ge_u (local.get $k) (local.get $end)))
                    (local.set $x (f64.load (i32.add (local.get $w) (i32.shl (local.get $k) (i32.const 3)))))
                    (local.set $a (i32.shl (i32.load (i32.add (local.get $post) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3)))
                    (if (f64.ge (local.get $x) (f64.const 0))
                      (then
                        (local.set $a (i32.add (local.get $a) (local.get $s)))
                        (f64.store (local.get $a) (f64.add (f64.load (local.get $a)) (local.get $x))))
                      (else
                        (local.set $a (i32.add (local.get $a) (i32.shl (local.get $s) (i32.const 1))))
                        (f64.store (local.get $a) (f64.sub (f64.load (local.get $a)) (local.get $x)))))
                    (local.set $k (i32.add (local.get $k) (i32.const 1)))
                    (br $synapse)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $spike))))
)
