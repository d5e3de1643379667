# GPU backends (Proving.Gpu): OpenCL on PoCL (a CPU OpenCL driver, so the kernels really run without a GPU),
# the OpenCL ICD loader and clinfo, and NVRTC (Debian non-free libnvrtc11.2) so every CUDA kernel is compiled in CI.
enable_nonfree
apt_install pocl-opencl-icd ocl-icd-libopencl1 clinfo libnvrtc11.2
