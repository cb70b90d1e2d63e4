# Toolchain for the wasm32-wasi flavour: Debian's clang-16 + wasm-ld-16 + wasi-libc.
#   cmake -S . -B build/wasm -DCMAKE_TOOLCHAIN_FILE=tools/wasm32-wasi.cmake
# CMake 3.25 has no WASI platform module (it would warn "System is unknown"); Generic fits.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR wasm32)

set(CMAKE_C_COMPILER clang-16)
set(CMAKE_C_COMPILER_TARGET wasm32-wasi)
# wasi-libc installs its headers and libraries under /usr/{include,lib}/wasm32-wasi.
set(CMAKE_SYSROOT /usr)
set(CMAKE_AR llvm-ar-16)
set(CMAKE_RANLIB llvm-ranlib-16)

# Host tools (wat2wasm, wasm-opt, node) are found on the host; libraries in the sysroot.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)

# ctest runs the .wasm test executables under Node.js.
set(CMAKE_CROSSCOMPILING_EMULATOR ${CMAKE_CURRENT_LIST_DIR}/run-wasi)
