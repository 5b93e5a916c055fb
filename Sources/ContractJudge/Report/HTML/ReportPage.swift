/// The frame of an HTML report: one self-contained document with its style and script inline.
///
/// The Content-Security-Policy forbids every fetch, so even a mistake in escaping could not make
/// the page load anything: the report opens the same offline, in a CI artefact viewer, or in a mail.
package enum ReportPage {
    /// A whole document around a body.
    ///
    /// - Parameter liveCursor: For the live dashboard (`GET /__admin/`): the journal's count of
    ///   records when the page was made. The page then polls `GET /__admin/changes` and reloads
    ///   once the count moves; its policy allows fetches to its own origin, nothing else.
    package static func document(title: String, body: String, liveCursor: Int? = nil) -> String {
        let connect = liveCursor == nil ? "" : " connect-src 'self';"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none';\(connect) style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <title>\(HTMLText.escaped(title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body)
            <script>
            \(script)
            </script>
            \(liveCursor.map(liveScript) ?? "")
            </body>
            </html>

            """
    }

    /// The dashboard's poll: every 2 s (not while the tab is hidden or paused), reload when the
    /// journal has grown, at most every 5 s so that a busy client leaves the page usable.
    private static func liveScript(cursor: Int) -> String {
        """
        <div class="live"><label><input type="checkbox" checked> live: reload as the journal grows</label> <span class="live-state"></span></div>
        <script>
        (function () {
          const cursor = \(cursor), loaded = Date.now();
          const box = document.querySelector(".live input"), state = document.querySelector(".live-state");
          setInterval(async () => {
            if (!box.checked || document.hidden || Date.now() - loaded < 5000) return;
            try {
              const answer = await fetch("/__admin/changes?after=" + cursor, {cache: "no-store"});
              const changes = await answer.json();
              state.textContent = "";
              if (changes.cursor !== cursor) location.reload();
            } catch (error) {
              state.textContent = "the server does not answer";
            }
          }, 2000);
        })();
        </script>
        """
    }
}
