(module
  (memory (export "mem") 80)
  ;; layout (bytes, s = n*8): v 0, ge s, gi 2s, input 3s, current 4s, rest 5s, R 6s, decay 7s, gate 8s, fired 9s (i32)
  (func (export "step") (param $n i32) (param $decE f64) (param $decI f64) (param $low f64) (param $reset f64) (result i32)
    (local $s i32) (local $o i32) (local $end i32) (local $I f64) (local $vInf f64) (local $vi f64) (local $count i32) (local $i i32)
    (local.set $s (i32.shl (local.get $n) (i32.const 3)))
    (local.set $end (local.get $s))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        ;; I = input + (ge - gi)
        (local.set $I (f64.add
          (f64.load (i32.add (local.get $o) (i32.mul (local.get $s) (i32.const 3))))
          (f64.sub (f64.load (i32.add (local.get $o) (local.get $s)))
                   (f64.load (i32.add (local.get $o) (i32.shl (local.get $s) (i32.const 1)))))))
        (f64.store (i32.add (local.get $o) (i32.shl (local.get $s) (i32.const 2))) (local.get $I))
        (f64.store (i32.add (local.get $o) (local.get $s))
          (f64.mul (f64.load (i32.add (local.get $o) (local.get $s))) (local.get $decE)))
        (f64.store (i32.add (local.get $o) (i32.shl (local.get $s) (i32.const 1)))
          (f64.mul (f64.load (i32.add (local.get $o) (i32.shl (local.get $s) (i32.const 1)))) (local.get $decI)))
        (local.set $vInf (f64.add
          (f64.load (i32.add (local.get $o) (i32.mul (local.get $s) (i32.const 5))))
          (f64.mul (f64.load (i32.add (local.get $o) (i32.mul (local.get $s) (i32.const 6)))) (local.get $I))))
        (local.set $vi (f64.add (local.get $vInf)
          (f64.mul (f64.sub (f64.load (local.get $o)) (local.get $vInf))
                   (f64.load (i32.add (local.get $o) (i32.mul (local.get $s) (i32.const 7)))))))
        (if (f64.ge (local.get $vi) (local.get $low))
          (then
            (if (f64.ge (local.get $vi) (f64.load (i32.add (local.get $o) (i32.shl (local.get $s) (i32.const 3)))))
              (then
                (local.set $vi (local.get $reset))
                (i32.store (i32.add (i32.mul (local.get $s) (i32.const 9)) (i32.shl (local.get $count) (i32.const 2)))
                           (i32.shr_u (local.get $o) (i32.const 3)))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))))))
        (f64.store (local.get $o) (local.get $vi))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $next)))
    (local.get $count))

  (func (export "stepSimd") (param $n i32) (param $decE f64) (param $decI f64) (param $low f64) (param $reset f64) (result i32)
    (local $s i32) (local $o i32) (local $end i32) (local $I v128) (local $vInf v128) (local $vi v128) (local $count i32)
    (local $dE v128) (local $dI v128) (local $lo v128) (local $x f64) (local $k i32)
    (local.set $s (i32.shl (local.get $n) (i32.const 3)))
    (local.set $end (local.get $s))
    (local.set $dE (f64x2.splat (local.get $decE)))
    (local.set $dI (f64x2.splat (local.get $decI)))
    (local.set $lo (f64x2.splat (local.get $low)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $I (f64x2.add
          (v128.load (i32.add (local.get $o) (i32.mul (local.get $s) (i32.const 3))))
          (f64x2.sub (v128.load (i32.add (local.get $o) (local.get $s)))
                     (v128.load (i32.add (local.get $o) (i32.shl (local.get $s) (i32.const 1)))))))
        (v128.store (i32.add (local.get $o) (i32.shl (local.get $s) (i32.const 2))) (local.get $I))
        (v128.store (i32.add (local.get $o) (local.get $s))
          (f64x2.mul (v128.load (i32.add (local.get $o) (local.get $s))) (local.get $dE)))
        (v128.store (i32.add (local.get $o) (i32.shl (local.get $s) (i32.const 1)))
          (f64x2.mul (v128.load (i32.add (local.get $o) (i32.shl (local.get $s) (i32.const 1)))) (local.get $dI)))
        (local.set $vInf (f64x2.add
          (v128.load (i32.add (local.get $o) (i32.mul (local.get $s) (i32.const 5))))
          (f64x2.mul (v128.load (i32.add (local.get $o) (i32.mul (local.get $s) (i32.const 6)))) (local.get $I))))
        (local.set $vi (f64x2.add (local.get $vInf)
          (f64x2.mul (f64x2.sub (v128.load (local.get $o)) (local.get $vInf))
                     (v128.load (i32.add (local.get $o) (i32.mul (local.get $s) (i32.const 7)))))))
        (v128.store (local.get $o) (local.get $vi))
        (if (v128.any_true (f64x2.ge (local.get $vi) (local.get $lo)))
          (then
            ;; the two lanes one by one, in order
            (local.set $k (i32.const 0))
            (loop $lane
              (local.set $x (f64.load (i32.add (local.get $o) (i32.shl (local.get $k) (i32.const 3)))))
              (if (f64.ge (local.get $x) (local.get $low))
                (then
                  (if (f64.ge (local.get $x) (f64.load (i32.add (i32.add (local.get $o) (i32.shl (local.get $k) (i32.const 3))) (i32.shl (local.get $s) (i32.const 3)))))
                    (then
                      (f64.store (i32.add (local.get $o) (i32.shl (local.get $k) (i32.const 3))) (local.get $reset))
                      (i32.store (i32.add (i32.mul (local.get $s) (i32.const 9)) (i32.shl (local.get $count) (i32.const 2)))
                                 (i32.add (i32.shr_u (local.get $o) (i32.const 3)) (local.get $k)))
                      (local.set $count (i32.add (local.get $count) (i32.const 1)))))))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br_if $lane (i32.lt_u (local.get $k) (i32.const 2))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $next)))
    (local.get $count))
)
