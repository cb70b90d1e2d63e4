;; Sequences the compiler fuses into one internal op (validate.c), at the edges of their semantics:
;; an address computed as local + constant wraps at 2^32 before the load's offset is added, and a
;; load or a local.get written to a local.
(module
  (memory 1)
  (data (i32.const 16) "\2a\00\00\00\07\00\00\00")
  ;; (x + k) wraps: x = 0xfffffff0 reads address 16
  (func (export "load_add") (param $x i32) (result i32)
    (i32.load (i32.add (local.get $x) (i32.const 0x20))))
  ;; x - 8 with the offset 4 added after the wrap: x = 24 reads address 20
  (func (export "load_sub") (param $x i32) (result i32)
    (i32.load offset=4 (i32.sub (local.get $x) (i32.const 8))))
  ;; the load's value goes to a local, then a copy of it to another
  (func (export "load_set") (param $x i32) (result i32)
    (local $a i32) (local $b i32)
    (local.set $a (i32.load (i32.add (local.get $x) (i32.const 16))))
    (local.set $b (local.get $a))
    (local.set $a (i32.const 100))
    (i32.add (local.get $a) (local.get $b)))
  ;; a block's result reaches the local.set by a branch too: the set must stay its own op
  (func (export "branch_set") (param $x i32) (result i32)
    (local $a i32)
    (local.set $a
      (block (result i32)
        (drop (br_if 0 (i32.const 5) (local.get $x)))
        (i32.load (i32.const 16))))
    (local.get $a)))
