using System.Runtime.InteropServices;

namespace ReproBundle.Data;

/// <summary>What kind of file system object a path names, without following a final symbolic link.</summary>
public enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A symbolic link (the link itself; what it leads to is not looked at).</summary>
    SymbolicLink,
    /// <summary>A named pipe (FIFO): reading one blocks until someone writes.</summary>
    Fifo,
    /// <summary>A character or block device.</summary>
    Device,
    /// <summary>A Unix socket.</summary>
    Socket,
    /// <summary>The kind could not be told (a platform without <c>statx</c>).</summary>
    Unknown,
}

/// <summary>
/// The identity (device and inode) and kind of a file system object, from Linux's <c>statx</c>, whose result layout is
/// the same on every architecture. Used to check what a path IS before it is opened or written (issue 26): a FIFO or
/// device is not a data file, and two names of one folder share one identity.
/// </summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Device">The device number (major &lt;&lt; 32 | minor); 0 when unknown.</param>
/// <param name="Inode">The inode number; 0 when unknown.</param>
public readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int Enoent = 2, Enotdir = 20;

    /// <summary>
    /// The status of <paramref name="path"/> itself (a final symbolic link is not followed; with <paramref name="follow"/>,
    /// it is). <see cref="FileKind.Missing"/> when nothing is there; <see cref="FileKind.Unknown"/> off Linux.
    /// Throws <see cref="IOException"/> for any other failure (permission, a loop).
    /// </summary>
    public static FileStatus Of(string path, bool follow = false)
    {
        if (!OperatingSystem.IsLinux()) return new FileStatus(FileKind.Unknown, 0, 0);
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is Enoent or Enotdir) return new FileStatus(FileKind.Missing, 0, 0);
            throw new IOException(errno switch
            {
                40 => $"'{path}' goes through a symbolic-link loop",
                13 => $"'{path}' goes through a folder without search permission",
                _ => $"cannot examine '{path}' (errno {errno}: {Marshal.GetPInvokeErrorMessage(errno)})",
            });
        }
        // struct statx: stx_mode (u16) at offset 28, stx_ino (u64) at 32, stx_dev_major/minor (u32) at 136/140.
        return FromBuffer(buffer);
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading without ever blocking (<c>O_NONBLOCK</c>: opening a FIFO with no writer
    /// returns at once) and reports what the open handle IS (<c>statx</c> on the handle, so a file swapped after an
    /// earlier check is still seen). The caller refuses anything but a regular file. Null off Linux; throws
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the open fails.
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? OpenForReading(string path, out FileStatus status)
    {
        status = new FileStatus(FileKind.Unknown, 0, 0);
        if (!OperatingSystem.IsLinux()) return null;
        const int oRdOnlyNonBlockCloExec = 0x800 | 0x80000;
        var fd = Open(path, oRdOnlyNonBlockCloExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == 13) throw new UnauthorizedAccessException($"'{path}': permission denied");
            throw new IOException(errno == 40 ? $"'{path}' goes through a symbolic-link loop" : Marshal.GetPInvokeErrorMessage(errno));
        }
        var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        var buffer = new byte[256];
        const int atEmptyPath = 0x1000;
        if (Statx(fd, "", atEmptyPath, StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new IOException($"cannot examine '{path}' (errno {errno})");
        }
        status = FromBuffer(buffer);
        return handle;
    }

    private static FileStatus FromBuffer(byte[] buffer)
    {
        var mode = BitConverter.ToUInt16(buffer, 28);
        var inode = BitConverter.ToUInt64(buffer, 32);
        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 or 0x6000 => FileKind.Device,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
        return new FileStatus(kind, device, inode);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    /// <summary>The kind in words, for messages ("a named pipe (FIFO)").</summary>
    public string Describe() => Kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Device => "a device",
        FileKind.Socket => "a socket",
        _ => "of an unknown kind",
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
