;; A long-running guest for checkpoint tests: recursion, call_indirect through a table that the loop
;; keeps changing (table.set, table.grow), a mutable global and memory stores, all inside one loop.
(module
  (memory 2)
  (table 4 funcref)
  (elem (i32.const 1) $sq)
  (elem declare func $cube)
  (global $g (mut i64) (i64.const 0))
  (type $t (func (param i64) (result i64)))
  (func $sq (param i64) (result i64) (i64.mul (local.get 0) (local.get 0)))
  (func $cube (param i64) (result i64) (i64.mul (local.get 0) (i64.mul (local.get 0) (local.get 0))))
  (func $rec (param $n i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n)) (then (i64.const 0))
      (else (i64.add (call_indirect (type $t) (local.get $n) (i32.const 1))
                     (call $rec (i64.sub (local.get $n) (i64.const 1)))))))
  (func (export "run") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (loop $l
      (i64.store (i32.mul (i32.and (local.get $i) (i32.const 1023)) (i32.const 8)) (local.get $acc))
      ;; slot 1 alternates between $sq and $cube; the table grows by one every 64 rounds
      (table.set 0 (i32.const 1)
        (select (result funcref) (ref.func $cube) (ref.func $sq) (i32.and (local.get $i) (i32.const 1))))
      (if (i32.eqz (i32.and (local.get $i) (i32.const 63)))
        (then (drop (table.grow 0 (ref.func $sq) (i32.const 1)))))
      (local.set $acc (i64.add (local.get $acc) (call $rec (i64.extend_i32_u (i32.and (local.get $i) (i32.const 63))))))
      (global.set $g (i64.add (global.get $g) (i64.extend_i32_u (table.size 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (i64.add (local.get $acc) (global.get $g))))
