/// The frame of an HTML report: one self-contained document with its style and script inline.
///
/// The Content-Security-Policy forbids every fetch, so even a mistake in escaping could not make
/// the page load anything: the report opens the same offline, in a CI artefact viewer, or in a mail.
enum ReportPage {
    /// A whole document around a body.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
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
        </body>
        </html>

        """
    }
}
