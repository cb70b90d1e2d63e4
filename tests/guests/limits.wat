;; Guest for tests/limits.sh: deep recursion, memory growth to the limit, a counted loop for fuel,
;; and a guest that takes all the memory it may, then keeps working on it (checkpointed there).
(module
  (memory 1)
  (func $recurse (export "recurse") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n)) (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $recurse (i32.sub (local.get $n) (i32.const 1)))))))
  ;; memory.grow by a page until it fails; returns the size reached, in pages
  (func $grow_all (export "grow") (result i32)
    (loop $l (br_if $l (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    (memory.size))
  ;; n passes through a loop: with the call, n + 1 units of fuel
  (func (export "count") (param $n i32) (result i32)
    (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
  ;; takes every page it may and marks each, then n rounds of adding up one word of every page
  (func (export "hog") (param $n i32) (result i64)
    (local $pages i32) (local $p i32) (local $sum i64)
    (local.set $pages (call $grow_all))
    (loop $mark
      (i64.store (i32.mul (local.get $p) (i32.const 65536)) (i64.extend_i32_u (local.get $p)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $mark (i32.lt_u (local.get $p) (local.get $pages))))
    (loop $round
      (local.set $p (i32.const 0))
      (loop $add
        (local.set $sum (i64.add (local.get $sum) (i64.load (i32.mul (local.get $p) (i32.const 65536)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br_if $add (i32.lt_u (local.get $p) (local.get $pages))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $round (local.get $n)))
    (local.get $sum)))
