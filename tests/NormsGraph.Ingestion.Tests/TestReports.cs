namespace NormsGraph.Ingestion.Tests;

/// <summary>Short reports in the layout of real event reports, written for these tests.</summary>
internal static class TestReports
{
    public const string SupplyChain = """
        Open consultations on supply chain security

        4 May 2021 10:00h - 12:00h

        Event report

        Japan stressed that the integrity of the ICT supply chain has to be ensured. Kenya called for the protection of computer emergency response teams.

        The moderator thanked the speakers and closed the session.
        """;

    /// <summary><see cref="SupplyChain"/> edited: Japan's sentence stays, Kenya's is replaced by Brazil's.</summary>
    public const string SupplyChainEdited = """
        Open consultations on supply chain security

        4 May 2021 10:00h - 12:00h

        Event report

        Japan stressed that the integrity of the ICT supply chain has to be ensured. Brazil welcomed confidence-building measures such as a directory of points of contact.

        The moderator thanked the speakers and closed the session.
        """;

    public const string CriticalInfrastructure = """
        Workshop on protecting hospitals from ransomware

        9 Nov 2022 14:00h - 15:30h

        Event report

        Germany underlined that states must not damage critical infrastructure that provides services to the public. The International Committee of the Red Cross reiterated that international humanitarian law applies to cyber operations during armed conflict.
        """;

    public const string MarkdownReport = """
        # Side event on spyware and civil society

        *15 Mar 2023 13:00h - 14:00h*

        Access Now expressed concern about the spread of commercial spyware used against journalists and activists.
        Canada called for respect for human rights online.
        """;

    public const string HtmlReport = """
        <!doctype html>
        <html><head><title>Election security dialogue</title></head>
        <body><nav>Home | Events</nav>
        <article><h1>Election security dialogue</h1>
        <p>2 Feb 2024 09:00h - 10:00h</p>
        <p>Estonia stressed that electoral infrastructure must be protected from interference. Ghana welcomed capacity building that is demand-driven and sustainable.</p>
        </article><footer>Share</footer></body></html>
        """;

    // A blog post in its author's voice: a byline in the header, a list opened by a colon, a section headed by a speaker.
    public const string MarkdownOwnVoice = """
        # Why incident responders need protection

        *Policy blog, 4 April 2024, by Ana Example, Access Now*

        We have documented attacks on emergency response teams in many regions, and we keep counting them.

        We recommend that states:

        - refrain from attacking CERTs;
        - protect security researchers from prosecution.

        ## Kenya

        - Highlighted confidence-building measures.
        """;
}
