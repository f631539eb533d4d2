// CUDA C spelling of the portable kernel dialect used by Ops.kernels (compiled at run time by NVRTC).
#define KERNEL extern "C" __global__ void
#define GLOBAL
#define GID ((int)(blockIdx.x * blockDim.x + threadIdx.x))
#define I64 long long
#define U8 unsigned char
#define DEVICE_FN __device__ inline
