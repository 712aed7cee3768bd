package dev.gongkai.publishing.portal;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;
import static dev.gongkai.platform.jooq.core.Tables.PUBLICATION;

import dev.gongkai.platform.agency.Jurisdiction;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The publications and corrections of a jurisdiction, or of every jurisdiction, newest first, from {@code core}: as
 * an Atom feed (RFC 4287) and as a page for people beside it.
 */
final class AtomFeed {

    static final int ENTRIES = 50;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    record Item(
            long id,
            String jurisdiction,
            String jurisdictionName,
            String agency,
            String agencyName,
            int year,
            int number,
            Instant publishedAt,
            boolean correction,
            String reason,
            boolean late) {

        /** The page of the published revision (a correction's own revision). */
        public String page() {
            String page = "/public/" + jurisdiction + "/" + agency + "/" + year;
            return correction ? page + "/revisions/" + number : page;
        }
    }

    private AtomFeed() {}

    /** The newest entries of {@code jurisdiction}, or of every jurisdiction when it is null. */
    static List<Item> latest(DSLContext dsl, Jurisdiction jurisdiction) {
        return dsl.select(
                        PUBLICATION.ID,
                        PUBLICATION.JURISDICTION_SLUG,
                        JURISDICTION.NAME_ZH,
                        PUBLICATION.AGENCY_SLUG,
                        AGENCY.NAME_ZH,
                        PUBLICATION.YEAR,
                        PUBLICATION.NUMBER,
                        PUBLICATION.PUBLISHED_AT,
                        PUBLICATION.CORRECTION,
                        PUBLICATION.REASON,
                        PUBLICATION.LATE)
                .from(PUBLICATION)
                .join(AGENCY)
                .on(AGENCY.SLUG.eq(PUBLICATION.AGENCY_SLUG))
                .join(JURISDICTION)
                .on(JURISDICTION.SLUG.eq(PUBLICATION.JURISDICTION_SLUG))
                .where(
                        jurisdiction == null
                                ? DSL.noCondition()
                                : PUBLICATION.JURISDICTION_SLUG.eq(
                                        jurisdiction.slug().value()))
                .orderBy(PUBLICATION.ID.desc())
                .limit(ENTRIES)
                .fetch(r -> new Item(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8().toInstant(),
                        r.value9(),
                        r.value10(),
                        r.value11()));
    }

    /** The feed's validator: the newest entry's id. */
    static String etag(Jurisdiction jurisdiction, List<Item> items) {
        return "\"feed." + (jurisdiction == null ? "all" : jurisdiction.slug()) + "."
                + (items.isEmpty() ? 0 : items.getFirst().id()) + "\"";
    }

    /** The feed of {@code jurisdiction}, or of every jurisdiction when it is null. */
    static byte[] render(Jurisdiction jurisdiction, List<Item> items, String origin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            String base = origin + "/public" + (jurisdiction == null ? "" : "/" + jurisdiction.slug());
            String scope = jurisdiction == null ? "all" : jurisdiction.slug().value();
            String name = jurisdiction == null ? "" : jurisdiction.nameZh() + " ";
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", "zh-CN");
            text(xml, "id", "tag:gongkai,2024:" + scope + ":publications");
            text(xml, "title", name + "政府信息公开工作年度报告发布与更正");
            text(xml, "subtitle", "Publications and corrections of government information disclosure annual reports");
            text(
                    xml,
                    "updated",
                    (items.isEmpty() ? Instant.EPOCH : items.getFirst().publishedAt()).toString());
            link(xml, "self", base + "/feed.atom");
            link(xml, "alternate", base + "/feed");
            xml.writeStartElement("author");
            text(xml, "name", jurisdiction == null ? "政府信息公开工作年度报告" : jurisdiction.nameZh());
            xml.writeEndElement();
            for (Item item : items) {
                xml.writeStartElement("entry");
                text(
                        xml,
                        "id",
                        "tag:gongkai,2024:" + item.jurisdiction() + ":" + item.agency() + ":" + item.year() + ":"
                                + item.number());
                text(
                        xml,
                        "title",
                        item.agencyName() + item.year() + "年政府信息公开工作年度报告"
                                + (item.correction() ? "（更正，第" + item.number() + "版）" : ""));
                text(xml, "updated", item.publishedAt().toString());
                text(xml, "published", item.publishedAt().toString());
                link(xml, "alternate", origin + item.page());
                xml.writeStartElement("category");
                xml.writeAttribute("term", item.correction() ? "correction" : "publication");
                xml.writeAttribute("label", item.correction() ? "更正" : "发布");
                xml.writeEndElement();
                text(
                        xml,
                        "summary",
                        (item.correction() ? "更正原因：" + item.reason() : "首次发布" + (item.late() ? "（逾期发布）" : "")) + " / "
                                + (item.correction()
                                        ? "Correction: " + item.reason()
                                        : "First publication" + (item.late() ? " (late)" : "")));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    /** The same entries as a page for people, newest first, in one language (every jurisdiction's when null). */
    static byte[] page(Pages pages, Jurisdiction jurisdiction, List<Item> items, Lang lang) {
        String base = jurisdiction == null ? "/public" : "/public/" + jurisdiction.slug();
        Map<String, Object> model = new HashMap<>();
        model.put("jurisdiction", jurisdiction);
        model.put("base", base);
        model.put("items", items);
        return pages.render("feed", lang, base + "/feed", model);
    }
}
