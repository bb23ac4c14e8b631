using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Enumeration;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Reading;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Ingestion.Inbox;

/// <summary>
/// The inbox, the folders around it, and every move between them. Files move only by rename, so a file
/// is always in exactly one place: waiting in the inbox, claimed by one worker (<c>claimed/&lt;worker-id&gt;/</c>),
/// processed, or failed. A worker's claim folder doubles as its heartbeat: it is touched on every pass,
/// and claims in a folder left untouched for the claim timeout belong to a worker that is gone.
/// </summary>
internal sealed class InboxFolders
{
    // The error files are for people: quotes and accents stay readable rather than \u-escaped.
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Hidden entries (dot-files on Unix) are editor and OS droppings, never reports.
    private static readonly EnumerationOptions AllFiles = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    private readonly TimeProvider _clock;
    private readonly TimeSpan _claimTimeout;

    public InboxFolders(IOptions<IngestionOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        _clock = clock;
        _claimTimeout = settings.ClaimTimeout;
        Inbox = Path.GetFullPath(settings.Inbox);
        Processed = Path.GetFullPath(settings.Processed);
        Failed = Path.GetFullPath(settings.Failed);
        Claimed = Path.GetFullPath(settings.Claimed);
        WorkerId = string.IsNullOrWhiteSpace(settings.WorkerId) ? DefaultWorkerId() : settings.WorkerId.Trim();
        Mine = Path.Combine(Claimed, WorkerId);
    }

    public string Inbox { get; }
    public string Processed { get; }
    public string Failed { get; }
    public string Claimed { get; }
    public string WorkerId { get; }

    /// <summary>This worker's claim folder.</summary>
    public string Mine { get; }

    /// <summary>Machine name and process id: unique among live workers, and tells a dead local worker's claims apart.</summary>
    public static string DefaultWorkerId() => $"{MachineName()}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    public void EnsureExist()
    {
        Directory.CreateDirectory(Inbox);
        Directory.CreateDirectory(Processed);
        Directory.CreateDirectory(Failed);
        Directory.CreateDirectory(Mine);
    }

    /// <summary>
    /// Files in the inbox, temporary names (still being written by their tool) left out; each link to a folder, which is
    /// not followed, is named to <paramref name="skippedLink"/>, and each file no path reaches to <paramref name="unreadableName"/>
    /// (relative to the inbox).
    /// </summary>
    public IEnumerable<FileInfo> Waiting(Action<string>? skippedLink = null, Action<string>? unreadableName = null) =>
        FilesUnder(Inbox, skippedLink is null ? null : link => skippedLink(Relative(Inbox, link)))
            .Where(f => !IsTemporary(f.Name) && Reachable(f, unreadableName));

    // A name that is not UTF-8 (Latin-1 from a Windows share or an old archive) is listed with U+FFFD in its place, and
    // no path reaches the file by that name: it could be neither moved nor read, and stayed in the inbox without a word.
    private bool Reachable(FileInfo file, Action<string>? unreadableName)
    {
        if (!file.FullName.Contains('\uFFFD', StringComparison.Ordinal) || File.Exists(file.FullName))
        {
            return true;
        }
        unreadableName?.Invoke(Relative(Inbox, file.FullName));
        return false;
    }

    public static bool IsTemporary(string name) =>
        name.StartsWith('.') || name.StartsWith('~') || name.EndsWith('~')
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase);

    /// <summary>Path relative to the inbox: the report's source, stable across versions of the file.</summary>
    public string SourceOf(FileInfo inboxFile) => Relative(Inbox, inboxFile.FullName);

    /// <summary>
    /// Moves an inbox file into this worker's claim folder. The move is one rename, so when several
    /// workers try, exactly one succeeds and the others find the file gone.
    /// </summary>
    public bool TryClaim(FileInfo inboxFile, [NotNullWhen(true)] out Claim? claim)
    {
        claim = null;
        var source = SourceOf(inboxFile);
        var destination = Path.Combine(Mine, source);
        if (File.Exists(destination))
        {
            return false; // an older file of that name is still claimed; it goes first
        }
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        try
        {
            // overwrite: true is a plain rename(2); without it .NET links and unlinks, and two workers could both "win".
            File.Move(inboxFile.FullName, destination, overwrite: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false; // another worker took it, or its owner removed it
        }
        PinLinkTarget(destination, Path.GetDirectoryName(inboxFile.FullName)!);
        claim = new Claim(destination, source);
        return true;
    }

    // A link to a file may name its target from the folder it is in (`ln -s ../reports/x.txt inbox/`): moved into the
    // claim folder, and on to processed/ or failed/, it led elsewhere or nowhere, and the report was refused three times
    // as an unexpected error naming the claim. Once claimed it is pointed at its target by full path, through a hidden
    // new link renamed over it, so the claim is never missing.
    private static void PinLinkTarget(string claimed, string linkFolder)
    {
        try
        {
            if (new FileInfo(claimed).LinkTarget is not { } target || Path.IsPathRooted(target))
            {
                return;
            }
            var pinned = Path.Combine(Path.GetDirectoryName(claimed)!, $".{Path.GetFileName(claimed)}.pinned");
            File.Delete(pinned);
            File.CreateSymbolicLink(pinned, Path.GetFullPath(target, linkFolder));
            File.Move(pinned, claimed, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left as it was: reading it then says what is wrong.
        }
    }

    /// <summary>Moves a claimed file to the processed folder; only called once the store has committed it.</summary>
    public string MoveToProcessed(Claim claim)
    {
        var destination = FreeName(Processed, claim.Source);
        File.Move(claim.Path, destination);
        return destination;
    }

    /// <summary>Moves a refused file to the failed folder with <c>&lt;name&gt;.error.json</c> beside it.</summary>
    public string MoveToFailed(Claim claim, IReadOnlyList<IngestionError> errors)
    {
        var destination = FreeName(Failed, claim.Source);
        var first = errors[0];
        var record = new FailureRecord(claim.Source, first.Code, first.Message, first.Stage, _clock.GetUtcNow(), WorkerId, errors);
        // The reason is written first: a crash between the two steps leaves the file claimed (and retried), never a reasonless failure.
        File.WriteAllText(destination + ReasonSuffix, JsonSerializer.Serialize(record, Json));
        File.Move(claim.Path, destination);
        return destination;
    }

    /// <summary>Hands a claimed file back to the inbox under its original name, unless a different file now has that name.</summary>
    public ReleaseOutcome Release(Claim claim)
    {
        var destination = Path.Combine(Inbox, claim.Source);
        try
        {
            if (!File.Exists(destination))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                try
                {
                    File.Move(claim.Path, destination, overwrite: false);
                    return ReleaseOutcome.Released;
                }
                catch (IOException) when (File.Exists(destination) && File.Exists(claim.Path))
                {
                    // The name was taken in between; decide below like any other clash.
                }
            }
            if (SameContent(claim.Path, destination))
            {
                File.Delete(claim.Path);
                return ReleaseOutcome.Duplicate;
            }
            return ReleaseOutcome.Conflict;
        }
        catch (Exception e) when ((e is FileNotFoundException or DirectoryNotFoundException) && !File.Exists(claim.Path))
        {
            return ReleaseOutcome.Lost;
        }
    }

    /// <summary>Everything in this worker's claim folder. Between passes nothing is in flight, so these are leftovers.</summary>
    public List<Claim> OwnClaims() =>
        Directory.Exists(Mine)
            ? FilesUnder(Mine).Select(f => new Claim(f.FullName, Relative(Mine, f.FullName))).ToList()
            : [];

    /// <summary>Claim folders of other workers that are gone: untouched for the claim timeout, or a dead process on this machine.</summary>
    public List<string> AbandonedClaimFolders()
    {
        if (!Directory.Exists(Claimed))
        {
            return [];
        }
        var now = _clock.GetUtcNow().UtcDateTime;
        return new DirectoryInfo(Claimed).EnumerateDirectories()
            .Where(d => !string.Equals(d.Name, WorkerId, StringComparison.Ordinal))
            .Where(d => now - d.LastWriteTimeUtc >= _claimTimeout || IsDeadLocalWorker(d.Name))
            .Select(d => d.FullName)
            .ToList();
    }

    /// <summary>Moves another worker's claims into this worker's folder (one rename each, so only one worker adopts a file).</summary>
    public int Adopt(string claimFolder)
    {
        var adopted = 0;
        foreach (var file in FilesUnder(claimFolder).ToList())
        {
            var destination = Path.Combine(Mine, Relative(claimFolder, file.FullName));
            if (File.Exists(destination))
            {
                continue; // this worker's own file of that name goes first; the next pass adopts this one
            }
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            try
            {
                File.Move(file.FullName, destination, overwrite: true);
                adopted++;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // another worker adopted it first
            }
        }
        RemoveEmptyFolders(claimFolder, includeRoot: true);
        return adopted;
    }

    /// <summary>
    /// Moves a filed file (processed, or failed with its reason file) back into the inbox under its source, the reason
    /// removed once the file has left; false when a file of that name is already waiting there (it stays filed).
    /// </summary>
    public bool Unfile(FiledFile filed)
    {
        var destination = Path.Combine(Inbox, filed.Source);
        if (File.Exists(destination))
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        try
        {
            File.Move(filed.Path, destination, overwrite: false);
        }
        catch (IOException) when (File.Exists(destination))
        {
            return false;
        }
        if (filed.Failed)
        {
            File.Delete(filed.Path + ReasonSuffix);
        }
        return true;
    }

    /// <summary>Shows this worker is alive, so others leave its claims alone.</summary>
    public void Heartbeat()
    {
        try
        {
            Directory.SetLastWriteTimeUtc(Mine, _clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder is recreated on the next pass; a missed heartbeat only matters after the claim timeout.
        }
    }

    public void TidyOwnFolder(bool includeRoot) => RemoveEmptyFolders(Mine, includeRoot);

    // A name the file can be moved to. Same name seen before (a new version, or the same file dropped again): keep both,
    // the newer stamped. A name that cannot be used as it is made the move fail on every pass, and the file went back
    // to the inbox and round again for good: a folder of that name ("2021/" filed, then a file "2021"), a file with the
    // name of a folder on the way (the other way round), or a name with no room left for the stamp or the reason file.
    private string FreeName(string folder, string relative)
    {
        var stamp = _clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
        var parent = folder;
        foreach (var part in (Path.GetDirectoryName(relative) ?? "").Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(parent, part);
            for (var n = 1; File.Exists(next); n++)
            {
                next = Path.Combine(parent, FittedName(part, "", n == 1 ? stamp : $"{stamp}-{n}"));
            }
            parent = next;
        }
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(relative);
        var destination = Path.Combine(parent, FittedName(Path.GetFileNameWithoutExtension(name), Path.GetExtension(name), null));
        for (var n = 1; Path.Exists(destination) || Path.Exists(destination + ReasonSuffix); n++)
        {
            destination = Path.Combine(parent, FittedName(Path.GetFileNameWithoutExtension(name), Path.GetExtension(name), n == 1 ? stamp : $"{stamp}-{n}"));
        }
        return destination;
    }

    private const string ReasonSuffix = ".error.json";

    // Linux's limit on one name, in bytes.
    private const int MaxNameBytes = 255;

    // "<stem>.<stamp><extension>", its stem shortened until the name and its reason file fit within the limit.
    private static string FittedName(string stem, string extension, string? stamp)
    {
        var tail = (stamp is null ? "" : "." + stamp) + extension;
        var room = MaxNameBytes - System.Text.Encoding.UTF8.GetByteCount(tail + ReasonSuffix);
        while (stem.Length > 1 && System.Text.Encoding.UTF8.GetByteCount(stem) > room)
        {
            stem = stem[..(char.IsLowSurrogate(stem[^1]) ? stem.Length - 2 : stem.Length - 1)];
        }
        return stem + tail;
    }

    private static FileSystemEnumerable<FileInfo> FilesUnder(string root, Action<string>? skippedLink = null) =>
        FolderFiles.Under(root, AllFiles, (ref FileSystemEntry e) => (FileInfo)e.ToFileSystemInfo(), skippedLink);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static bool SameContent(string a, string b)
    {
        using var first = File.OpenRead(a);
        using var second = File.OpenRead(b);
        if (first.Length != second.Length)
        {
            return false;
        }
        Span<byte> left = stackalloc byte[4096];
        Span<byte> right = stackalloc byte[4096];
        while (true)
        {
            var read = first.ReadAtLeast(left, left.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                return true;
            }
            if (second.ReadAtLeast(right[..read], read, throwOnEndOfStream: false) != read || !left[..read].SequenceEqual(right[..read]))
            {
                return false;
            }
        }
    }

    private static void RemoveEmptyFolders(string root, bool includeRoot)
    {
        if (!Directory.Exists(root))
        {
            return;
        }
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
            {
                if (!Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
            if (includeRoot && !Directory.EnumerateFileSystemEntries(root).Any())
            {
                Directory.Delete(root);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Something arrived meanwhile; an empty folder left behind is harmless.
        }
    }

    private static bool IsDeadLocalWorker(string workerId)
    {
        var dash = workerId.LastIndexOf('-');
        if (dash <= 0 || workerId[..dash] != MachineName()
            || !int.TryParse(workerId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || pid == Environment.ProcessId)
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return true; // no process has that id any more
        }
    }

    private static string MachineName()
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(Environment.MachineName.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
    }
}
