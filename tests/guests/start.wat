;; A command-style module: _start runs by default. recurse never returns.
(module
  (func (export "_start"))
  (func $recurse (export "recurse") (call $recurse)))
