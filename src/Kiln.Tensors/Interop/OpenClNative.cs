using System.Runtime.InteropServices;

namespace Kiln.Tensors.Interop;

/// <summary>P/Invoke declarations for the OpenCL 1.2 host API through the ICD loader (Debian package ocl-icd-libopencl1).</summary>
internal static unsafe partial class OpenClNative
{
    internal const string Library = "libOpenCL.so.1";

    internal const int Success = 0;
    internal const int PlatformNotFoundKhr = -1001;
    internal const int MemObjectAllocationFailure = -4;
    internal const int OutOfResources = -5;
    internal const int OutOfHostMemory = -6;

    internal const ulong DeviceTypeCpu = 1 << 1;
    internal const ulong DeviceTypeGpu = 1 << 2;
    internal const ulong DeviceTypeAll = 0xFFFFFFFF;
    internal const ulong MemReadWrite = 1;

    internal const uint PlatformVersion = 0x0901;
    internal const uint PlatformName = 0x0902;
    internal const uint DeviceType = 0x1000;
    internal const uint DeviceMaxComputeUnits = 0x1002;
    internal const uint DeviceGlobalMemSize = 0x101F;
    internal const uint DeviceName = 0x102B;
    internal const uint DeviceVendor = 0x102C;
    internal const uint DriverVersion = 0x102D;
    internal const uint DeviceVersion = 0x102F;
    internal const uint ProgramBuildLog = 0x1183;

    [LibraryImport(Library, EntryPoint = "clGetPlatformIDs")]
    internal static partial int GetPlatformIds(uint numEntries, nint* platforms, uint* numPlatforms);

    [LibraryImport(Library, EntryPoint = "clGetPlatformInfo")]
    internal static partial int GetPlatformInfo(nint platform, uint param, nuint size, void* value, nuint* sizeRet);

    [LibraryImport(Library, EntryPoint = "clGetDeviceIDs")]
    internal static partial int GetDeviceIds(nint platform, ulong type, uint numEntries, nint* devices, uint* numDevices);

    [LibraryImport(Library, EntryPoint = "clGetDeviceInfo")]
    internal static partial int GetDeviceInfo(nint device, uint param, nuint size, void* value, nuint* sizeRet);

    [LibraryImport(Library, EntryPoint = "clCreateContext")]
    internal static partial nint CreateContext(nint* properties, uint numDevices, nint* devices, nint notify, nint userData, int* error);

    [LibraryImport(Library, EntryPoint = "clCreateCommandQueue")]
    internal static partial nint CreateCommandQueue(nint context, nint device, ulong properties, int* error);

    [LibraryImport(Library, EntryPoint = "clCreateBuffer")]
    internal static partial nint CreateBuffer(nint context, ulong flags, nuint size, void* hostPtr, int* error);

    [LibraryImport(Library, EntryPoint = "clReleaseMemObject")]
    internal static partial int ReleaseMemObject(nint memory);

    [LibraryImport(Library, EntryPoint = "clEnqueueWriteBuffer")]
    internal static partial int EnqueueWriteBuffer(nint queue, nint buffer, uint blocking, nuint offset, nuint size, void* source, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(Library, EntryPoint = "clEnqueueReadBuffer")]
    internal static partial int EnqueueReadBuffer(nint queue, nint buffer, uint blocking, nuint offset, nuint size, void* destination, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(Library, EntryPoint = "clEnqueueCopyBuffer")]
    internal static partial int EnqueueCopyBuffer(nint queue, nint source, nint destination, nuint sourceOffset, nuint destinationOffset, nuint size, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(Library, EntryPoint = "clCreateProgramWithSource")]
    internal static partial nint CreateProgramWithSource(nint context, uint count, byte** strings, nuint* lengths, int* error);

    [LibraryImport(Library, EntryPoint = "clBuildProgram")]
    internal static partial int BuildProgram(nint program, uint numDevices, nint* devices, byte* options, nint notify, nint userData);

    [LibraryImport(Library, EntryPoint = "clGetProgramBuildInfo")]
    internal static partial int GetProgramBuildInfo(nint program, nint device, uint param, nuint size, void* value, nuint* sizeRet);

    [LibraryImport(Library, EntryPoint = "clCreateKernel")]
    internal static partial nint CreateKernel(nint program, byte* name, int* error);

    [LibraryImport(Library, EntryPoint = "clSetKernelArg")]
    internal static partial int SetKernelArg(nint kernel, uint index, nuint size, void* value);

    [LibraryImport(Library, EntryPoint = "clEnqueueNDRangeKernel")]
    internal static partial int EnqueueNdRangeKernel(nint queue, nint kernel, uint workDim, nuint* offset, nuint* globalSize, nuint* localSize, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(Library, EntryPoint = "clFinish")]
    internal static partial int Finish(nint queue);

    /// <summary>Throws when an OpenCL call did not return CL_SUCCESS, naming the call and the error code.</summary>
    internal static void Check(int status, string call)
    {
        if (status != Success)
        {
            throw new InvalidOperationException($"OpenCL: {call} failed with error {status} ({Describe(status)}).");
        }
    }

    /// <summary>Names the common OpenCL error codes.</summary>
    internal static string Describe(int status) => status switch
    {
        MemObjectAllocationFailure => "CL_MEM_OBJECT_ALLOCATION_FAILURE: the device is out of memory",
        OutOfResources => "CL_OUT_OF_RESOURCES",
        OutOfHostMemory => "CL_OUT_OF_HOST_MEMORY",
        -11 => "CL_BUILD_PROGRAM_FAILURE",
        -30 => "CL_INVALID_VALUE",
        -38 => "CL_INVALID_MEM_OBJECT",
        -48 => "CL_INVALID_KERNEL",
        -51 => "CL_INVALID_ARG_SIZE",
        -54 => "CL_INVALID_WORK_GROUP_SIZE",
        -61 => "CL_INVALID_BUFFER_SIZE",
        PlatformNotFoundKhr => "CL_PLATFORM_NOT_FOUND_KHR: no OpenCL driver (ICD) is registered in /etc/OpenCL/vendors",
        _ => "see the OpenCL error code table",
    };

    /// <summary>Reads a string-valued platform property.</summary>
    internal static string PlatformString(nint platform, uint param)
    {
        nuint size;
        Check(GetPlatformInfo(platform, param, 0, null, &size), "clGetPlatformInfo");
        var buffer = new byte[(int)size];
        fixed (byte* p = buffer)
        {
            Check(GetPlatformInfo(platform, param, size, p, null), "clGetPlatformInfo");
        }

        return System.Text.Encoding.UTF8.GetString(buffer).TrimEnd('\0').Trim();
    }

    /// <summary>Reads a string-valued device property.</summary>
    internal static string DeviceString(nint device, uint param)
    {
        nuint size;
        Check(GetDeviceInfo(device, param, 0, null, &size), "clGetDeviceInfo");
        var buffer = new byte[(int)size];
        fixed (byte* p = buffer)
        {
            Check(GetDeviceInfo(device, param, size, p, null), "clGetDeviceInfo");
        }

        return System.Text.Encoding.UTF8.GetString(buffer).TrimEnd('\0').Trim();
    }

    /// <summary>Reads a fixed-size device property.</summary>
    internal static T DeviceValue<T>(nint device, uint param)
        where T : unmanaged
    {
        T value = default;
        Check(GetDeviceInfo(device, param, (nuint)sizeof(T), &value, null), "clGetDeviceInfo");
        return value;
    }
}
