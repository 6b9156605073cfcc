extension PageContext {
    /// `<img>` with the size its file gives, so the page does not move as it loads; in a
    /// `<figure>` with its caption, credit and citation markers when it has a caption and
    /// stands alone. Every value in it comes from the author and is escaped.
    func imageHTML(_ image: ResolvedImage) -> String {
        let file = image.file
        let loading = image.isEager || forPaper ? "" : " loading=\"lazy\""
        let decoding = forPaper ? "sync" : "async"
        let img =
            "<img src=\"\(HTML.escape(fileURL(file.outputPath)))\" alt=\"\(HTML.escape(image.alt))\" width=\"\(file.size.width)\" height=\"\(file.size.height)\"\(loading) decoding=\"\(decoding)\">"
        guard image.isFigure else { return img }
        var caption = captionHTML(image.caption)
        if !image.credit.isEmpty { caption += " <span class=\"credit\">Credit: \(captionHTML(image.credit))</span>" }
        return "<figure class=\"content-figure\">\(img)<figcaption>\(caption)</figcaption></figure>"
    }

    private func captionHTML(_ pieces: [ResolvedImage.Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): HTML.escape(text)
            case .citation(let ids): citationMarker(ids)
            }
        }.joined()
    }
}
