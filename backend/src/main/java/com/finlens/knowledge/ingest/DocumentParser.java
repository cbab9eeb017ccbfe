package com.finlens.knowledge.ingest;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns uploaded or fetched bytes into plain text: HTML without navigation, headers, footers, scripts, styles and
 * asides; Markdown without its markup; PDF text through PDFBox. Parsing runs on the worker pool.
 */
public final class DocumentParser {

    private static final String BOILERPLATE = "nav, header, footer, script, style, aside, noscript, template, form, iframe, svg";
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol",
            "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "br", "dd", "dt", "figcaption");
    private static final Pattern MD_FENCE = Pattern.compile("(?m)^\\s*(```|~~~).*$");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MD_HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern MD_LIST = Pattern.compile("(?m)^\\s*(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern MD_QUOTE = Pattern.compile("(?m)^\\s*>\\s?");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|`)(\\S(?:.*?\\S)?)\\1");
    private static final Pattern MD_RULE = Pattern.compile("(?m)^\\s*([-*_]\\s*){3,}$");
    private static final Pattern MD_TITLE = Pattern.compile("(?m)^\\s{0,3}#\\s+(.+?)\\s*#*\\s*$");

    private final WorkerExecutor worker;

    public DocumentParser(WorkerExecutor worker) {
        this.worker = worker;
    }

    public Future<ParsedDocument> parse(SourceFormat format, byte[] bytes) {
        return worker.executeBlocking(() -> parseBlocking(format, bytes), false);
    }

    static ParsedDocument parseBlocking(SourceFormat format, byte[] bytes) throws IOException {
        return switch (format) {
            case TEXT -> new ParsedDocument("", new String(bytes, StandardCharsets.UTF_8));
            case MARKDOWN -> markdown(new String(bytes, StandardCharsets.UTF_8));
            case HTML -> html(Jsoup.parse(new ByteArrayInputStream(bytes), null, ""));
            case PDF -> pdf(bytes);
        };
    }

    /** Parses with the charset the page declares (BOM or meta tag), UTF-8 otherwise, so EUC-KR pages read right. */
    static ParsedDocument html(org.jsoup.nodes.Document page) {
        String title = page.title();
        if (title.isBlank()) {
            Element h1 = page.selectFirst("h1");
            title = h1 == null ? "" : h1.text();
        }
        page.select(BOILERPLATE).remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                } else if (node instanceof Element element && (element.normalName().equals("td")
                        || element.normalName().equals("th"))) {
                    text.append(' ');
                }
            }
        }, page.body());
        return new ParsedDocument(title.strip(), text.toString().replaceAll("[ \\t\\x0B\\f]+", " ")
                .replaceAll("\\n\\s*\\n\\s*", "\n\n").strip());
    }

    static ParsedDocument markdown(String markdown) {
        var titleMatch = MD_TITLE.matcher(markdown);
        String title = titleMatch.find() ? titleMatch.group(1) : "";
        String text = MD_FENCE.matcher(markdown).replaceAll("");
        text = MD_IMAGE.matcher(text).replaceAll("$1");
        text = MD_LINK.matcher(text).replaceAll("$1");
        // A heading is its own paragraph, so it never runs into the following sentence.
        text = MD_HEADING.matcher(text).replaceAll("\n$1\n");
        text = MD_RULE.matcher(text).replaceAll("");
        text = MD_LIST.matcher(text).replaceAll("\n\n");
        text = MD_QUOTE.matcher(text).replaceAll("");
        text = MD_EMPHASIS.matcher(text).replaceAll("$2");
        return new ParsedDocument(title, text.strip());
    }

    static ParsedDocument pdf(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphStart("\n");
            String title = document.getDocumentInformation().getTitle();
            return new ParsedDocument(title == null ? "" : title.strip(), stripper.getText(document).strip());
        }
    }
}
