using System.IO.Enumeration;

namespace NormsGraph.Core.Reading;

/// <summary>
/// The files under a folder, the one rule the inbox worker and the command line walk folders by: recursing into real
/// folders only. A link to a folder can lead back up the tree (a loop once made the worker claim the same files under
/// ever longer paths until it stopped, and the CLI list every report again at each level) or out of it (whose files
/// the worker would move away from their owner), so it is not followed but named to <c>skippedLink</c>; a link to a
/// file is a file.
/// </summary>
public static class FolderFiles
{
    public static FileSystemEnumerable<T> Under<T>(string root, EnumerationOptions options, FileSystemEnumerable<T>.FindTransform transform,
        Action<string>? skippedLink = null) =>
        new(root, transform, options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
            {
                if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    return true;
                }
                skippedLink?.Invoke(entry.ToSpecifiedFullPath());
                return false;
            },
        };
}
