// OpenCL C spelling of the portable kernel dialect used by Ops.kernels.
#define KERNEL __kernel void
#define GLOBAL __global
#define GID ((int)get_global_id(0))
#define I64 long
#define U8 uchar
#define DEVICE_FN
#define expf exp
#define logf log
#define sqrtf sqrt
#define fabsf fabs
#define tanhf tanh
#define erff erf
#define powf pow
