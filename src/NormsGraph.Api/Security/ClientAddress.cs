using System.Net;
using System.Net.Sockets;

namespace NormsGraph.Api.Security;

/// <summary>Which rate-limit partition a caller without a key falls in, by the address it calls from.</summary>
internal static class ClientAddress
{
    /// <summary>
    /// An IPv4 address is itself (also when it arrives IPv4-mapped, as on a dual-stack socket); an IPv6 address is its /64:
    /// one host gets a whole /64 (the smallest network handed out; privacy addresses change within it by themselves), so
    /// per address it had 2^64 fresh limits.
    /// </summary>
    public static string Partition(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "ip:" + address;
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return "ip:" + new IPAddress(bytes) + "/64";
    }
}
