package dev.gongkai.report.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.gongkai.report.model.AnnualReport;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/**
 * The report as PDF: the national layout of {@link HtmlRenderer} laid out by openhtmltopdf with WenQuanYi Zen Hei
 * embedded (subset), so the Chinese text displays everywhere and can be extracted again. Noto CJK cannot be used:
 * PDFBox cannot embed its CFF outlines. A table that runs over a page break repeats its header rows on the next
 * page, rows are never cut, and every page is numbered "第 1 页 / 共 N 页" at its foot. One renderer for the
 * published report (publishing) and the agency's draft before sign-off (reports).
 */
public final class ReportPdf {

    public static final String FONT_FAMILY = "WenQuanYi Zen Hei";
    /** At the head of every page of a draft, so a printed draft is never taken for the published report. */
    public static final String DRAFT_MARK = "草稿 · 未发布";

    private final File font;

    public ReportPdf(String fontPath) {
        this.font = new File(fontPath);
    }

    /** The published report; {@code closingLine} (its revision and publication time) follows the body. */
    public byte[] render(AnnualReport report, String closingLine) {
        Document html = layout(report, "");
        html.body().appendElement("p").attr("class", "revision").text(closingLine);
        return pdf(html);
    }

    /** A draft as it will be published, each page marked {@link #DRAFT_MARK} at its head. */
    public byte[] renderDraft(AnnualReport report) {
        return pdf(layout(
                report,
                "@top-center{content:\"%s\";font-family:\"%s\";font-size:12pt;color:#a40000}"
                        .formatted(DRAFT_MARK, FONT_FAMILY)));
    }

    private static Document layout(AnnualReport report, String pageHead) {
        Document html = Jsoup.parse(HtmlRenderer.render(report));
        html.head().appendElement("style").text("""
                body,h1,h2,p,th,td,caption,time{font-family:"%1$s"}
                body{margin:0;max-width:none;font-size:10.5pt}
                .vertical{writing-mode:horizontal-tb}
                table{-fs-table-paginate:paginate}
                thead{display:table-header-group}
                tr{page-break-inside:avoid}
                h2,caption{page-break-after:avoid}
                @page{size:A4;margin:18mm 15mm 20mm;%2$s
                  @bottom-center{content:"第 " counter(page) " 页 / 共 " counter(pages) " 页";
                    font-family:"%1$s";font-size:9pt}}
                """.formatted(FONT_FAMILY, pageHead));
        return html;
    }

    private byte[] pdf(Document html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font, FONT_FAMILY);
            builder.withW3cDocument(new W3CDom().fromJsoup(html), "/");
            builder.withProducer("Gongkai");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering the PDF failed", e);
        }
        return out.toByteArray();
    }
}
