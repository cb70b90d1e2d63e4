;; The checkpoint harness's guest (fuzz_checkpoint.c): its checkpoints hold every kind of state the
;; reader checks: a call stack of recursion through call_indirect, a table the loop grows, a global,
;; memory, dropped segments, and WASI state with a file it opened ("data.txt", one byte written).
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "data.txt")
  (data $x (i32.const 24) "x")
  (table 2 funcref)
  (elem (i32.const 1) $step)
  (elem declare func $step)
  (global $g (mut i64) (i64.const 0))
  (type $t (func (param i64) (result i64)))
  (func $step (param i64) (result i64) (i64.mul (local.get 0) (i64.const 3)))
  (func $rec (param $n i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n)) (then (i64.const 1))
      (else (i64.add (call_indirect (type $t) (local.get $n) (i32.const 1))
                     (call $rec (i64.sub (local.get $n) (i64.const 1)))))))
  ;; writes memory[24] (one byte) to fd
  (func $write (param $fd i32)
    (i32.store (i32.const 0) (i32.const 24))
    (i32.store (i32.const 4) (i32.const 1))
    (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func (export "_start")
    (local $i i32)
    ;; path_open(dir 3, "data.txt", O_CREAT, read/seek/write rights) -> fd at 12
    (drop (call $path_open (i32.const 3) (i32.const 0) (i32.const 16) (i32.const 8) (i32.const 1)
      (i64.const 0x46) (i64.const 0) (i32.const 0) (i32.const 12)))
    (call $write (i32.load (i32.const 12)))
    (data.drop $x)
    (loop $l
      (if (i32.eqz (i32.and (local.get $i) (i32.const 15)))
        (then (drop (table.grow 0 (ref.func $step) (i32.const 1)))))
      (global.set $g (i64.add (global.get $g)
        (call $rec (i64.extend_i32_u (i32.and (local.get $i) (i32.const 31))))))
      (i64.store (i32.mul (i32.and (local.get $i) (i32.const 255)) (i32.const 8)) (global.get $g))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 400))))))
