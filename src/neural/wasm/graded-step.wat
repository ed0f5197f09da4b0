;; The graded network's sub-step (issue 16): the continuous synapses' scatter,
;; the explicit gap junctions and the graded population's conductance update
;; (src/neural/models/graded.ts: gradedConductanceKernel, or gradedPlateauKernel
;; where a neuron has a plateau current) over one arena (graded-arena.ts), so a
;; 302-neuron connectome crosses into wasm once per sub-step; and the graded
;; conductance synapses' release (compile/graded-conductance.ts,
;; gradedReleaseKernel) and the explicit gap junctions (gap-junctions.ts, gapKernel), which the general
;; schedule calls on their own. The same IEEE operations in the same order as the JS kernels
;; (wasm has no fused multiply-add; its division and square root are IEEE's),
;; so the same bits; the neuron update runs two neurons a time in f64x2.
;;
;; Built by scripts/build-wasm.mjs into graded-step-bytes.ts. Memory is
;; imported. Neuron arrays: array k at byte k·s (s = n·8 rounded up to 16, so
;; the last pair of an odd n has a spare lane to compute into):
;;   0 v  1 output  2 decay  3 gLeak  4 drive  5 dtOverC  6 gK  7 kHalf
;;   8 invKSlope  9 eK  10 conductance  11 vHalf  12 invSlope  13 amp
;;   14 current  15 input  16 inputConductance  17 zero
;;   18 gP  19 pHalf  20 invPSlope  21 eP  22 hDecay  23 h   (the plateau current)
;;   24 gSum  25 iSum   (the update's first pass: conductance and current into each neuron; gSum holds gK·n∞ before it)
;;   26 offset  27 gain   (the linear update's: gradedKernel)
;; then the logistic table (fast-math.ts, 4,098 f64) at byte `tab`.
(module
  (import "graded" "mem" (memory 1))

  ;; The neuron update runs in three passes over the pairs (four with the rectifier: pass 0 below): the inputs (rectifier, plateau, conductance and
  ;; current sums, into gSum and iSum), the relaxation of V, the output. Each pass is a short loop whose
  ;; pairs the out-of-order core overlaps; one pass with all of it was bound by the latency of its chain
  ;; (two table look-ups, two divisions and a square root): ×0.52 of the time for the conductance worm's
  ;; 74 neurons (docs/benchmarks.md, session 13). The same operations in the same order per neuron.
  ;;
  ;; The rectifier's conductance gk = gK·n∞: where no neuron has one (r = 0, every gK ±0) gk is gK itself,
  ;; the same number (n∞ from the table is finite and > 0), without the look-up. The look-ups are written out
  ;; in each loop: as a function they were not inlined, and the calls cost most of the gain.
  ;;
  ;; The look-ups clamp t with f64x2.pmin (4096 < t ? 4096 : t, one instruction) rather than f64x2.min (seven
  ;; on x64, for NaN and −0): the two differ only where t is NaN or a zero, which the mask t > 0 then sends to 0
  ;; either way, so the same bits.

  ;; Pass 0, where some neuron has the rectifier (r ≠ 0): gk = gK·n∞, n∞ = logistic((v − kHalf)·invKSlope), into
  ;; gSum for pass 1 to read. On its own loop so the out-of-order core overlaps more pairs' look-up chains than
  ;; in pass 1's longer body (×0.9 of the connectome worm's update, docs/benchmarks.md, session 18).
  (func $rectifier (param $s i32) (param $tab i32) (param $end i32)
    (local $o i32) (local $i0 i32) (local $i1 i32) (local $x v128) (local $t v128) (local $iv v128) (local $lo v128) (local $hi v128)
    (local $nInf v128) (local $s6 i32) (local $s7 i32) (local $s8 i32) (local $s24 i32)
    (local.set $s6 (i32.mul (local.get $s) (i32.const 6)))
    (local.set $s7 (i32.mul (local.get $s) (i32.const 7)))
    (local.set $s8 (i32.shl (local.get $s) (i32.const 3)))
    (local.set $s24 (i32.mul (local.get $s) (i32.const 24)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $x (v128.load (local.get $o)))
        ;; t = ((x − half)·inv + 32)·64, then t > 0 ? min(t, 4096) : 0 (pmin: see above); i = t | 0; lo + (t − i)·(hi − lo) from the table
        (local.set $t (f64x2.mul
          (f64x2.add (f64x2.mul (f64x2.sub (local.get $x) (v128.load (i32.add (local.get $o) (local.get $s7))))
                                (v128.load (i32.add (local.get $o) (local.get $s8))))
                     (v128.const f64x2 32 32))
          (v128.const f64x2 64 64)))
        (local.set $t (v128.and
          (f64x2.pmin (local.get $t) (v128.const f64x2 4096 4096))
          (f64x2.gt (local.get $t) (v128.const f64x2 0 0))))
        (local.set $iv (i32x4.trunc_sat_f64x2_s_zero (local.get $t)))
        (local.set $i0 (i32.add (local.get $tab) (i32.shl (i32x4.extract_lane 0 (local.get $iv)) (i32.const 3))))
        (local.set $i1 (i32.add (local.get $tab) (i32.shl (i32x4.extract_lane 1 (local.get $iv)) (i32.const 3))))
        (local.set $lo (f64x2.replace_lane 1 (f64x2.splat (f64.load (local.get $i0))) (f64.load (local.get $i1))))
        (local.set $hi (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=8 (local.get $i0))) (f64.load offset=8 (local.get $i1))))
        (local.set $nInf (f64x2.add (local.get $lo)
          (f64x2.mul (f64x2.sub (local.get $t) (f64x2.convert_low_i32x4_s (local.get $iv)))
                     (f64x2.sub (local.get $hi) (local.get $lo)))))
        (v128.store (i32.add (local.get $o) (local.get $s24))
          (f64x2.mul (v128.load (i32.add (local.get $o) (local.get $s6))) (local.get $nInf)))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $next))))

  ;; Pass 1 without a plateau: gSum = gk + G; iSum = drive + gk·eK + current.
  (func $inputs (param $s i32) (param $g i32) (param $r i32) (param $end i32)
    (local $o i32) (local $gk v128)
    (local $s4 i32) (local $s6 i32) (local $s9 i32) (local $s14 i32) (local $s24 i32) (local $s25 i32)
    (local.set $s4 (i32.shl (local.get $s) (i32.const 2)))
    (local.set $s6 (i32.mul (local.get $s) (i32.const 6)))
    (local.set $s9 (i32.mul (local.get $s) (i32.const 9)))
    (local.set $s14 (i32.mul (local.get $s) (i32.const 14)))
    (local.set $s24 (i32.mul (local.get $s) (i32.const 24)))
    (local.set $s25 (i32.mul (local.get $s) (i32.const 25)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        ;; gk = gK·n∞ from pass 0 (in gSum), or gK itself where r = 0
        (local.set $gk (v128.load (i32.add (local.get $o) (select (local.get $s24) (local.get $s6) (local.get $r)))))
        (v128.store (i32.add (local.get $o) (local.get $s24))
          (f64x2.add (local.get $gk) (v128.load (i32.add (local.get $o) (local.get $g)))))
        (v128.store (i32.add (local.get $o) (local.get $s25))
          (f64x2.add
            (f64x2.add (v128.load (i32.add (local.get $o) (local.get $s4)))
                       (f64x2.mul (local.get $gk) (v128.load (i32.add (local.get $o) (local.get $s9)))))
            (v128.load (i32.add (local.get $o) (local.get $s14)))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $next))))

  ;; Pass 1 with the plateau current gp = gP·m∞·h as one more conductance (reversal eP):
  ;; gSum = gk + gp + G; iSum = drive + gk·eK + gp·eP + current; then the inactivation gate
  ;; h ← h∞ + (h − h∞)·hDecay, h∞ = 1 − m∞ (gradedPlateauKernel).
  (func $inputsPlateau (param $s i32) (param $tab i32) (param $g i32) (param $r i32) (param $end i32)
    (local $o i32) (local $i0 i32) (local $i1 i32) (local $x v128) (local $t v128) (local $iv v128) (local $lo v128) (local $hi v128)
    (local $gk v128)
    (local $m v128) (local $gp v128) (local $hInf v128) (local $q i32)
    (local $s4 i32) (local $s6 i32) (local $s9 i32) (local $s14 i32) (local $s18 i32) (local $s19 i32)
    (local $s20 i32) (local $s21 i32) (local $s22 i32) (local $s23 i32) (local $s24 i32) (local $s25 i32)
    (local.set $s4 (i32.shl (local.get $s) (i32.const 2)))
    (local.set $s6 (i32.mul (local.get $s) (i32.const 6)))
    (local.set $s9 (i32.mul (local.get $s) (i32.const 9)))
    (local.set $s14 (i32.mul (local.get $s) (i32.const 14)))
    (local.set $s18 (i32.mul (local.get $s) (i32.const 18)))
    (local.set $s19 (i32.mul (local.get $s) (i32.const 19)))
    (local.set $s20 (i32.mul (local.get $s) (i32.const 20)))
    (local.set $s21 (i32.mul (local.get $s) (i32.const 21)))
    (local.set $s22 (i32.mul (local.get $s) (i32.const 22)))
    (local.set $s23 (i32.mul (local.get $s) (i32.const 23)))
    (local.set $s24 (i32.mul (local.get $s) (i32.const 24)))
    (local.set $s25 (i32.mul (local.get $s) (i32.const 25)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $x (v128.load (local.get $o)))
        ;; gk = gK·n∞ from pass 0 (in gSum), or gK itself where r = 0
        (local.set $gk (v128.load (i32.add (local.get $o) (select (local.get $s24) (local.get $s6) (local.get $r)))))
        ;; A pair whose two cells have no plateau (gP ±0), never inactivate (hDecay 1) and sit at h = 1 skips the
        ;; look-up: there gp = gP·m·1 is gP's own signed zero for any m in [0, 1] from the table, and the gate's
        ;; update gives h = 1 again exactly ((1 − m) + (1 − (1 − m)) rounds to 1 for every such m: Sterbenz's
        ;; lemma on one subtraction or the other), so the pair's numbers are the full update's.
        (local.set $q (i32.add (local.get $o) (local.get $s23)))
        (local.set $gp (v128.load (i32.add (local.get $o) (local.get $s18))))
        (if (i32.eqz (i64x2.all_true (v128.and (v128.and
              (f64x2.eq (local.get $gp) (v128.const f64x2 0 0))
              (f64x2.eq (v128.load (i32.add (local.get $o) (local.get $s22))) (v128.const f64x2 1 1)))
              (f64x2.eq (v128.load (local.get $q)) (v128.const f64x2 1 1)))))
          (then
          ;; the plateau's activation m = logistic((x − pHalf)·invPSlope)
          ;; t = ((x − half)·inv + 32)·64, then t > 0 ? min(t, 4096) : 0 (pmin: see above); i = t | 0; lo + (t − i)·(hi − lo) from the table
          (local.set $t (f64x2.mul
            (f64x2.add (f64x2.mul (f64x2.sub (local.get $x) (v128.load (i32.add (local.get $o) (local.get $s19))))
                                  (v128.load (i32.add (local.get $o) (local.get $s20))))
                       (v128.const f64x2 32 32))
            (v128.const f64x2 64 64)))
          (local.set $t (v128.and
            (f64x2.pmin (local.get $t) (v128.const f64x2 4096 4096))
            (f64x2.gt (local.get $t) (v128.const f64x2 0 0))))
          (local.set $iv (i32x4.trunc_sat_f64x2_s_zero (local.get $t)))
          (local.set $i0 (i32.add (local.get $tab) (i32.shl (i32x4.extract_lane 0 (local.get $iv)) (i32.const 3))))
          (local.set $i1 (i32.add (local.get $tab) (i32.shl (i32x4.extract_lane 1 (local.get $iv)) (i32.const 3))))
          (local.set $lo (f64x2.replace_lane 1 (f64x2.splat (f64.load (local.get $i0))) (f64.load (local.get $i1))))
          (local.set $hi (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=8 (local.get $i0))) (f64.load offset=8 (local.get $i1))))
          (local.set $m (f64x2.add (local.get $lo)
            (f64x2.mul (f64x2.sub (local.get $t) (f64x2.convert_low_i32x4_s (local.get $iv)))
                       (f64x2.sub (local.get $hi) (local.get $lo)))))
          ;; gp = gP·m·h (the sums below take this gp, so h may update first)
          (local.set $gp (f64x2.mul (f64x2.mul (v128.load (i32.add (local.get $o) (local.get $s18))) (local.get $m))
                                    (v128.load (local.get $q))))
          (local.set $hInf (f64x2.sub (v128.const f64x2 1 1) (local.get $m)))
          (v128.store (local.get $q)
            (f64x2.add (local.get $hInf)
              (f64x2.mul (f64x2.sub (v128.load (local.get $q)) (local.get $hInf))
                         (v128.load (i32.add (local.get $o) (local.get $s22))))))))
        (v128.store (i32.add (local.get $o) (local.get $s24))
          (f64x2.add (f64x2.add (local.get $gk) (local.get $gp)) (v128.load (i32.add (local.get $o) (local.get $g)))))
        (v128.store (i32.add (local.get $o) (local.get $s25))
          (f64x2.add
            (f64x2.add
              (f64x2.add (v128.load (i32.add (local.get $o) (local.get $s4)))
                         (f64x2.mul (local.get $gk) (v128.load (i32.add (local.get $o) (local.get $s9)))))
              (f64x2.mul (local.get $gp) (v128.load (i32.add (local.get $o) (local.get $s21)))))
            (v128.load (i32.add (local.get $o) (local.get $s14)))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $next))))

  ;; Pass 2: vInf = iSum / (gLeak + gSum); y = gSum·dtOverC; f = decay / (1 + y(1 + y(1/2 + y(1/6 + y/24))));
  ;; v = vInf + (v − vInf)·f.
  (func $relax (param $s i32) (param $end i32)
    (local $o i32) (local $a v128) (local $vInf v128) (local $y v128) (local $f v128)
    (local $s2 i32) (local $s3 i32) (local $s5 i32) (local $s24 i32) (local $s25 i32)
    (local.set $s2 (i32.shl (local.get $s) (i32.const 1)))
    (local.set $s3 (i32.mul (local.get $s) (i32.const 3)))
    (local.set $s5 (i32.mul (local.get $s) (i32.const 5)))
    (local.set $s24 (i32.mul (local.get $s) (i32.const 24)))
    (local.set $s25 (i32.mul (local.get $s) (i32.const 25)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $a (v128.load (i32.add (local.get $o) (local.get $s24))))
        (local.set $vInf (f64x2.div (v128.load (i32.add (local.get $o) (local.get $s25)))
          (f64x2.add (v128.load (i32.add (local.get $o) (local.get $s3))) (local.get $a))))
        (local.set $y (f64x2.mul (local.get $a) (v128.load (i32.add (local.get $o) (local.get $s5)))))
        (local.set $f (f64x2.div (v128.load (i32.add (local.get $o) (local.get $s2)))
          (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (local.get $y)
            (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (local.get $y)
              (f64x2.add (v128.const f64x2 0.5 0.5) (f64x2.mul (local.get $y)
                (f64x2.add (v128.const f64x2 0.16666666666666666 0.16666666666666666)
                  (f64x2.mul (local.get $y) (v128.const f64x2 0.041666666666666664 0.041666666666666664)))))))))))
        (v128.store (local.get $o)
          (f64x2.add (local.get $vInf) (f64x2.mul (f64x2.sub (v128.load (local.get $o)) (local.get $vInf)) (local.get $f))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $next))))

  ;; Pass 3: output = amp·(0.5 + 0.5u / √(1 + u²)), u = (v − vHalf)·invSlope.
  (func $outputs (param $s i32) (param $end i32)
    (local $o i32) (local $u v128) (local $s11 i32) (local $s12 i32) (local $s13 i32)
    (local.set $s11 (i32.mul (local.get $s) (i32.const 11)))
    (local.set $s12 (i32.mul (local.get $s) (i32.const 12)))
    (local.set $s13 (i32.mul (local.get $s) (i32.const 13)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $u
          (f64x2.mul
            (f64x2.sub (v128.load (local.get $o)) (v128.load (i32.add (local.get $o) (local.get $s11))))
            (v128.load (i32.add (local.get $o) (local.get $s12)))))
        (v128.store (i32.add (local.get $o) (local.get $s))
          (f64x2.mul
            (v128.load (i32.add (local.get $o) (local.get $s13)))
            (f64x2.add
              (v128.const f64x2 0.5 0.5)
              (f64x2.div
                (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $u))
                (f64x2.sqrt (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (local.get $u) (local.get $u))))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $next))))

  ;; The neuron update of every neuron (pairs), conductance G at byte g: gradedConductanceKernel's
  ;; arithmetic, gradedPlateauKernel's where p ≠ 0; the rectifier's look-up where r ≠ 0.
  (func $update (export "neurons") (param $n i32) (param $s i32) (param $tab i32) (param $g i32) (param $p i32) (param $r i32)
    (local $end i32)
    ;; pairs: byte offsets 0, 16, … below ⌈n/2⌉·16
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 1)) (i32.const -2)) (i32.const 3)))
    (if (local.get $r) (then (call $rectifier (local.get $s) (local.get $tab) (local.get $end))))
    (if (local.get $p)
      (then (call $inputsPlateau (local.get $s) (local.get $tab) (local.get $g) (local.get $r) (local.get $end)))
      (else (call $inputs (local.get $s) (local.get $g) (local.get $r) (local.get $end))))
    (call $relax (local.get $s) (local.get $end))
    (call $outputs (local.get $s) (local.get $end)))

;; The linear update of every neuron (gradedKernel, no rectifier, no plateau, no conductance input):
  ;; v = v·decay + offset + gain·current, then the output pass. Two neurons a time: the division and square
  ;; root of the output, which bound the JS kernel, cost about the same for a pair as for one.
  (func (export "linear") (param $n i32) (param $s i32)
    (local $o i32) (local $end i32) (local $s2 i32) (local $s14 i32) (local $s26 i32) (local $s27 i32)
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 1)) (i32.const -2)) (i32.const 3)))
    (local.set $s2 (i32.shl (local.get $s) (i32.const 1)))
    (local.set $s14 (i32.mul (local.get $s) (i32.const 14)))
    (local.set $s26 (i32.mul (local.get $s) (i32.const 26)))
    (local.set $s27 (i32.mul (local.get $s) (i32.const 27)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (v128.store (local.get $o)
          (f64x2.add
            (f64x2.add (f64x2.mul (v128.load (local.get $o)) (v128.load (i32.add (local.get $o) (local.get $s2))))
                       (v128.load (i32.add (local.get $o) (local.get $s26))))
            (f64x2.mul (v128.load (i32.add (local.get $o) (local.get $s27))) (v128.load (i32.add (local.get $o) (local.get $s14))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $next)))
    (call $outputs (local.get $s) (local.get $end)))

  ;; gradedReleaseKernel (compile/graded-conductance.ts): each release site's s relaxes toward its
  ;; logistic s∞ (the table's arithmetic) by keep; acc[slot[k]] += g[k]·s[site[k]] for the m plain
  ;; synapses; then per reversal class c: G[i] += acc, I[i] += acc·E_c, acc = 0. Offsets in bytes.
  ;;
  ;; The sites two at a time (f64x2, the clamp by pmin and the mask t > 0 as in the neuron update's look-ups:
  ;; the same bits), then an odd last one: the sites' look-up chains were the release's largest part (the
  ;; conductance worm's 71 sites; docs/benchmarks.md, session 19).
  (func (export "release")
    (param $ns i32) (param $pre i32) (param $half i32) (param $inv i32) (param $keep i32) (param $sv i32)
    (param $v i32) (param $tab i32) (param $m i32) (param $site i32) (param $slot i32) (param $w i32)
    (param $acc i32) (param $nc i32) (param $ce i32) (param $n i32) (param $G i32) (param $I i32)
    (local $j i32) (local $t f64) (local $i i32) (local $lo f64) (local $inf f64) (local $q i32)
    (local $c i32) (local $e f64) (local $a f64) (local $base i32) (local $end i32)
    (local $pairs i32) (local $e2 v128) (local $a2 v128)
    (local $j4 i32) (local $j8 i32) (local $i0 i32) (local $i1 i32) (local $t2 v128) (local $iv v128) (local $lo2 v128) (local $hi2 v128)
    (local $inf2 v128) (local $sp i32)
    (local.set $end (i32.and (local.get $ns) (i32.const -2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $j4 (i32.add (local.get $pre) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $j8 (i32.shl (local.get $j) (i32.const 3)))
        ;; t = ((v[pre] − half)·inv + 32)·64, then t > 0 ? min(t, 4096) : 0; i = t | 0; lo + (t − i)·(hi − lo)
        (local.set $t2 (f64x2.mul
          (f64x2.add
            (f64x2.mul
              (f64x2.sub
                (f64x2.replace_lane 1
                  (f64x2.splat (f64.load (i32.add (local.get $v) (i32.shl (i32.load (local.get $j4)) (i32.const 3)))))
                  (f64.load (i32.add (local.get $v) (i32.shl (i32.load offset=4 (local.get $j4)) (i32.const 3)))))
                (v128.load (i32.add (local.get $half) (local.get $j8))))
              (v128.load (i32.add (local.get $inv) (local.get $j8))))
            (v128.const f64x2 32 32))
          (v128.const f64x2 64 64)))
        (local.set $t2 (v128.and
          (f64x2.pmin (local.get $t2) (v128.const f64x2 4096 4096))
          (f64x2.gt (local.get $t2) (v128.const f64x2 0 0))))
        (local.set $iv (i32x4.trunc_sat_f64x2_s_zero (local.get $t2)))
        (local.set $i0 (i32.add (local.get $tab) (i32.shl (i32x4.extract_lane 0 (local.get $iv)) (i32.const 3))))
        (local.set $i1 (i32.add (local.get $tab) (i32.shl (i32x4.extract_lane 1 (local.get $iv)) (i32.const 3))))
        (local.set $lo2 (f64x2.replace_lane 1 (f64x2.splat (f64.load (local.get $i0))) (f64.load (local.get $i1))))
        (local.set $hi2 (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=8 (local.get $i0))) (f64.load offset=8 (local.get $i1))))
        (local.set $inf2 (f64x2.add (local.get $lo2)
          (f64x2.mul (f64x2.sub (local.get $t2) (f64x2.convert_low_i32x4_s (local.get $iv)))
                     (f64x2.sub (local.get $hi2) (local.get $lo2)))))
        (local.set $sp (i32.add (local.get $sv) (local.get $j8)))
        (v128.store (local.get $sp)
          (f64x2.add (local.get $inf2)
            (f64x2.mul (f64x2.sub (v128.load (local.get $sp)) (local.get $inf2))
                       (v128.load (i32.add (local.get $keep) (local.get $j8))))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $next)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $ns)))
        (local.set $t (f64.mul
          (f64.add
            (f64.mul
              (f64.sub (f64.load (i32.add (local.get $v) (i32.shl (i32.load (i32.add (local.get $pre) (i32.shl (local.get $j) (i32.const 2)))) (i32.const 3))))
                       (f64.load (i32.add (local.get $half) (i32.shl (local.get $j) (i32.const 3)))))
              (f64.load (i32.add (local.get $inv) (i32.shl (local.get $j) (i32.const 3)))))
            (f64.const 32))
          (f64.const 64)))
        (local.set $t (select (f64.min (local.get $t) (f64.const 4096)) (f64.const 0) (f64.gt (local.get $t) (f64.const 0))))
        (local.set $i (i32.trunc_f64_s (local.get $t)))
        (local.set $q (i32.add (local.get $tab) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $lo (f64.load (local.get $q)))
        (local.set $inf (f64.add (local.get $lo)
          (f64.mul (f64.sub (local.get $t) (f64.convert_i32_s (local.get $i))) (f64.sub (f64.load offset=8 (local.get $q)) (local.get $lo)))))
        (local.set $q (i32.add (local.get $sv) (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $q)
          (f64.add (local.get $inf)
            (f64.mul (f64.sub (f64.load (local.get $q)) (local.get $inf))
                     (f64.load (i32.add (local.get $keep) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next)))
    (local.set $j (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $m)))
        (local.set $q (i32.add (local.get $acc) (i32.shl (i32.load (i32.add (local.get $slot) (i32.shl (local.get $j) (i32.const 2)))) (i32.const 3))))
        (f64.store (local.get $q)
          (f64.add (f64.load (local.get $q))
            (f64.mul (f64.load (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3))))
                     (f64.load (i32.add (local.get $sv) (i32.shl (i32.load (i32.add (local.get $site) (i32.shl (local.get $j) (i32.const 2)))) (i32.const 3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next)))
    ;; The classes: neurons two at a time (f64x2, the same operations per lane), then an odd last one.
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (local.set $pairs (i32.shl (i32.shr_u (local.get $n) (i32.const 1)) (i32.const 4)))
    (block $classes
      (loop $class
        (br_if $classes (i32.ge_u (local.get $c) (local.get $nc)))
        (local.set $e (f64.load (i32.add (local.get $ce) (i32.shl (local.get $c) (i32.const 3)))))
        (local.set $e2 (f64x2.splat (local.get $e)))
        (local.set $base (i32.add (local.get $acc) (i32.mul (local.get $c) (local.get $end))))
        (local.set $i (i32.const 0))
        (block $done2
          (loop $next2
            (br_if $done2 (i32.ge_u (local.get $i) (local.get $pairs)))
            (local.set $a2 (v128.load (i32.add (local.get $base) (local.get $i))))
            (local.set $q (i32.add (local.get $G) (local.get $i)))
            (v128.store (local.get $q) (f64x2.add (v128.load (local.get $q)) (local.get $a2)))
            (local.set $q (i32.add (local.get $I) (local.get $i)))
            (v128.store (local.get $q) (f64x2.add (v128.load (local.get $q)) (f64x2.mul (local.get $a2) (local.get $e2))))
            (v128.store (i32.add (local.get $base) (local.get $i)) (v128.const f64x2 0 0))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $next2)))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $a (f64.load (i32.add (local.get $base) (local.get $i))))
            (local.set $q (i32.add (local.get $G) (local.get $i)))
            (f64.store (local.get $q) (f64.add (f64.load (local.get $q)) (local.get $a)))
            (local.set $q (i32.add (local.get $I) (local.get $i)))
            (f64.store (local.get $q) (f64.add (f64.load (local.get $q)) (f64.mul (local.get $a) (local.get $e))))
            (f64.store (i32.add (local.get $base) (local.get $i)) (f64.const 0))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (br $next)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $class))))

  ;; listedStep (compile/graded-conductance.ts) for synapses without delay: open = g·x·s[site];
  ;; G[post] += open, I[post] += open·E; a depressing one (use > 0) uses x up implicitly, then x recovers.
  ;;
  ;; Two synapses a time (f64x2) for the opening and the resource (its update computed in both lanes, kept where
  ;; use > 0), the two G and I updates then in order, synapse k before k + 1: the same operations in the same
  ;; order per synapse; then an odd last one (session 19).
  (func (export "listed")
    (param $m i32) (param $site i32) (param $post i32) (param $g i32) (param $e i32) (param $use i32)
    (param $rec i32) (param $x i32) (param $sv i32) (param $G i32) (param $I i32) (param $dt f64)
    (local $k i32) (local $k4 i32) (local $k8 i32) (local $sk f64) (local $xk f64) (local $open f64) (local $q i32) (local $u f64)
    (local $end i32) (local $s2 v128) (local $x2 v128) (local $o2 v128) (local $oe2 v128) (local $u2 v128)
    (local.set $end (i32.and (local.get $m) (i32.const -2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $end)))
        (local.set $k4 (i32.add (local.get $site) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $k8 (i32.shl (local.get $k) (i32.const 3)))
        (local.set $s2 (f64x2.replace_lane 1
          (f64x2.splat (f64.load (i32.add (local.get $sv) (i32.shl (i32.load (local.get $k4)) (i32.const 3)))))
          (f64.load (i32.add (local.get $sv) (i32.shl (i32.load offset=4 (local.get $k4)) (i32.const 3))))))
        (local.set $x2 (v128.load (i32.add (local.get $x) (local.get $k8))))
        (local.set $o2 (f64x2.mul (f64x2.mul (v128.load (i32.add (local.get $g) (local.get $k8))) (local.get $x2)) (local.get $s2)))
        (local.set $oe2 (f64x2.mul (local.get $o2) (v128.load (i32.add (local.get $e) (local.get $k8)))))
        (local.set $k4 (i32.add (local.get $post) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $q (i32.shl (i32.load (local.get $k4)) (i32.const 3)))
        (f64.store (i32.add (local.get $G) (local.get $q)) (f64.add (f64.load (i32.add (local.get $G) (local.get $q))) (f64x2.extract_lane 0 (local.get $o2))))
        (f64.store (i32.add (local.get $I) (local.get $q)) (f64.add (f64.load (i32.add (local.get $I) (local.get $q))) (f64x2.extract_lane 0 (local.get $oe2))))
        (local.set $q (i32.shl (i32.load offset=4 (local.get $k4)) (i32.const 3)))
        (f64.store (i32.add (local.get $G) (local.get $q)) (f64.add (f64.load (i32.add (local.get $G) (local.get $q))) (f64x2.extract_lane 1 (local.get $o2))))
        (f64.store (i32.add (local.get $I) (local.get $q)) (f64.add (f64.load (i32.add (local.get $I) (local.get $q))) (f64x2.extract_lane 1 (local.get $oe2))))
        ;; x ← 1 − (1 − x / (1 + dt·use·s))·rec where use > 0
        (local.set $u2 (v128.load (i32.add (local.get $use) (local.get $k8))))
        (v128.store (i32.add (local.get $x) (local.get $k8))
          (v128.bitselect
            (f64x2.sub (v128.const f64x2 1 1)
              (f64x2.mul
                (f64x2.sub (v128.const f64x2 1 1)
                  (f64x2.div (local.get $x2)
                    (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (f64x2.mul (f64x2.splat (local.get $dt)) (local.get $u2)) (local.get $s2)))))
                (v128.load (i32.add (local.get $rec) (local.get $k8)))))
            (local.get $x2)
            (f64x2.gt (local.get $u2) (v128.const f64x2 0 0))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $m)))
        (local.set $k4 (i32.shl (local.get $k) (i32.const 2)))
        (local.set $k8 (i32.shl (local.get $k) (i32.const 3)))
        (local.set $sk (f64.load (i32.add (local.get $sv) (i32.shl (i32.load (i32.add (local.get $site) (local.get $k4))) (i32.const 3)))))
        (local.set $xk (f64.load (i32.add (local.get $x) (local.get $k8))))
        (local.set $open (f64.mul (f64.mul (f64.load (i32.add (local.get $g) (local.get $k8))) (local.get $xk)) (local.get $sk)))
        (local.set $q (i32.shl (i32.load (i32.add (local.get $post) (local.get $k4))) (i32.const 3)))
        (f64.store (i32.add (local.get $G) (local.get $q)) (f64.add (f64.load (i32.add (local.get $G) (local.get $q))) (local.get $open)))
        (f64.store (i32.add (local.get $I) (local.get $q))
          (f64.add (f64.load (i32.add (local.get $I) (local.get $q)))
                   (f64.mul (local.get $open) (f64.load (i32.add (local.get $e) (local.get $k8))))))
        (local.set $u (f64.load (i32.add (local.get $use) (local.get $k8))))
        (if (f64.gt (local.get $u) (f64.const 0))
          (then
            (f64.store (i32.add (local.get $x) (local.get $k8))
              (f64.sub (f64.const 1)
                (f64.mul
                  (f64.sub (f64.const 1)
                    (f64.div (local.get $xk) (f64.add (f64.const 1) (f64.mul (f64.mul (local.get $dt) (local.get $u)) (local.get $sk)))))
                  (f64.load (i32.add (local.get $rec) (local.get $k8))))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; I[post[k]] += w[k]·out[pre[k]] for k < m (continuous.ts, scatterKernel); pre, post i32, w f64, out and I f64 arrays.
  (func $scatter (param $m i32) (param $pre i32) (param $post i32) (param $w i32) (param $out i32) (param $I i32)
    (local $k i32) (local $q i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $m)))
        (local.set $q (i32.add (local.get $I) (i32.shl (i32.load (i32.add (local.get $post) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3))))
        (f64.store (local.get $q)
          (f64.add (f64.load (local.get $q))
            (f64.mul (f64.load (i32.add (local.get $w) (i32.shl (local.get $k) (i32.const 3))))
                     (f64.load (i32.add (local.get $out) (i32.shl (i32.load (i32.add (local.get $pre) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; c = g[k]·(v[b[k]] − v[a[k]]); I[a[k]] += c; I[b[k]] −= c (gap-junctions.ts, gapKernel). While a[k] stays
  ;; the same, I[a] is summed in a register and stored once (the same additions in the same order; only a
  ;; self-junction, b = a, also writes I[a], and there both updates go to the register).
  (func $gaps (export "gaps") (param $m i32) (param $a i32) (param $b i32) (param $g i32) (param $v i32) (param $I i32)
    (local $k i32) (local $i i32) (local $j i32) (local $c f64) (local $cur i32) (local $acc f64) (local $vi f64) (local $q i32)
    (local.set $cur (i32.const -1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $m)))
        (local.set $i (i32.shl (i32.load (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3)))
        (if (i32.ne (local.get $i) (local.get $cur))
          (then
            (if (i32.ge_s (local.get $cur) (i32.const 0))
              (then (f64.store (i32.add (local.get $I) (local.get $cur)) (local.get $acc))))
            (local.set $cur (local.get $i))
            (local.set $acc (f64.load (i32.add (local.get $I) (local.get $i))))
            (local.set $vi (f64.load (i32.add (local.get $v) (local.get $i))))))
        (local.set $j (i32.shl (i32.load (i32.add (local.get $b) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3)))
        (local.set $c (f64.mul (f64.load (i32.add (local.get $g) (i32.shl (local.get $k) (i32.const 3))))
          (f64.sub (f64.load (i32.add (local.get $v) (local.get $j))) (local.get $vi))))
        (local.set $acc (f64.add (local.get $acc) (local.get $c)))
        (if (i32.eq (local.get $j) (local.get $i))
          (then (local.set $acc (f64.sub (local.get $acc) (local.get $c))))
          (else
            (local.set $q (i32.add (local.get $I) (local.get $j)))
            (f64.store (local.get $q) (f64.sub (f64.load (local.get $q)) (local.get $c)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (if (i32.ge_s (local.get $cur) (i32.const 0))
      (then (f64.store (i32.add (local.get $I) (local.get $cur)) (local.get $acc)))))

  ;; One sub-step of the fused schedule: current = input, the scatter (m synapses), the gap junctions (gm), the neurons with G at byte g (plateau p, rectifier r).
  (func (export "step") (param $n i32) (param $s i32) (param $tab i32) (param $g i32) (param $p i32) (param $r i32)
    (param $m i32) (param $pre i32) (param $post i32) (param $w i32)
    (param $gm i32) (param $ga i32) (param $gb i32) (param $gg i32)
    (local $cur i32)
    (local.set $cur (i32.mul (local.get $s) (i32.const 14)))
    (memory.copy (local.get $cur) (i32.mul (local.get $s) (i32.const 15)) (i32.shl (local.get $n) (i32.const 3)))
    (call $scatter (local.get $m) (local.get $pre) (local.get $post) (local.get $w) (local.get $s) (local.get $cur))
    (call $gaps (local.get $gm) (local.get $ga) (local.get $gb) (local.get $gg) (i32.const 0) (local.get $cur))
    (call $update (local.get $n) (local.get $s) (local.get $tab) (local.get $g) (local.get $p) (local.get $r)))
)

