package com.finlens.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DocumentParserTest {

    @Test
    @DisplayName("HTML loses navigation, header, footer, scripts, styles and asides but keeps the article and its title")
    void html() throws IOException {
        String page = """
                <html><head><title>삼성전자 3분기 실적</title><style>p{color:red}</style></head><body>
                <header>Site header</header><nav><a href="/">Home</a> | <a href="/markets">Markets</a></nav>
                <article><h1>Quarterly results</h1><p>삼성전자는 3분기 영업이익이 증가했다고 발표했다.</p>
                <p>Memory demand recovered.</p><table><tr><td>Revenue</td><td>67.4</td></tr></table></article>
                <aside>Related: crypto tips</aside><script>track()</script><footer>© Newsroom</footer></body></html>
                """;

        ParsedDocument parsed = DocumentParser.parseBlocking(SourceFormat.HTML, page.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.title()).isEqualTo("삼성전자 3분기 실적");
        assertThat(parsed.text()).contains("삼성전자는 3분기 영업이익이 증가했다고 발표했다.", "Memory demand recovered.",
                "Quarterly results", "Revenue 67.4");
        assertThat(parsed.text()).doesNotContain("Site header", "Home", "Markets", "crypto", "track()", "Newsroom",
                "color:red");
        assertThat(parsed.text()).contains("\n\n");
    }

    @Test
    @DisplayName("An EUC-KR page that declares its charset is decoded correctly")
    void eucKrHtml() throws IOException {
        String page = "<html><head><meta charset=\"euc-kr\"></head><body><p>한국은행 기준금리 동결</p></body></html>";

        ParsedDocument parsed = DocumentParser.parseBlocking(SourceFormat.HTML, page.getBytes(Charset.forName("EUC-KR")));

        assertThat(parsed.text()).isEqualTo("한국은행 기준금리 동결");
    }

    @Test
    @DisplayName("Markdown keeps its words and drops its markup")
    void markdown() throws IOException {
        String md = "# 투자 메모\n\nSee [the filing](https://dart.fss.or.kr/x) and **bold** text.\n\n- first item\n- 둘째 항목\n\n```\ncode\n```\n";

        ParsedDocument parsed = DocumentParser.parseBlocking(SourceFormat.MARKDOWN, md.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.title()).isEqualTo("투자 메모");
        assertThat(parsed.text()).contains("See the filing and bold text.", "first item", "둘째 항목")
                .doesNotContain("](", "**", "```", "# ");
    }

    @Test
    @DisplayName("PDF text and title are extracted (an English PDF: no Korean-capable font ships with the JDK)")
    void pdf() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Annual report 2024");
            document.setDocumentInformation(info);
            for (String line : new String[] {"Revenue grew 12 percent to 300 billion won.", "Second page on dividends."}) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(line);
                    content.endText();
                }
            }
            document.save(out);
            pdf = out.toByteArray();
        }

        ParsedDocument parsed = DocumentParser.parseBlocking(SourceFormat.PDF, pdf);

        assertThat(parsed.title()).isEqualTo("Annual report 2024");
        assertThat(parsed.text()).contains("Revenue grew 12 percent to 300 billion won.", "Second page on dividends.");
    }

    @Test
    @DisplayName("Formats are recognised by media type and by file name")
    void formats() {
        assertThat(SourceFormat.ofMediaType("text/html; charset=UTF-8")).contains(SourceFormat.HTML);
        assertThat(SourceFormat.ofMediaType("application/pdf")).contains(SourceFormat.PDF);
        assertThat(SourceFormat.ofMediaType("image/png")).isEmpty();
        assertThat(SourceFormat.ofFileName("Memo.MD")).contains(SourceFormat.MARKDOWN);
        assertThat(SourceFormat.ofFileName("report.exe")).isEmpty();
    }
}
