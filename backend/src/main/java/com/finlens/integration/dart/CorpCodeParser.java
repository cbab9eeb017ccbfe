package com.finlens.integration.dart;

import com.finlens.integration.upstream.UpstreamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the {@code corpCode.xml} ZIP (one CORPCODE.xml, ~113k {@code <list>} entries) with a streaming parser. */
final class CorpCodeParser {

    private static final Pattern STATUS = Pattern.compile("<status>\\s*(\\d+)\\s*</status>");

    private CorpCodeParser() {
    }

    static boolean isZip(byte[] head) {
        return head.length >= 2 && head[0] == 'P' && head[1] == 'K';
    }

    static String xmlStatus(String xml) {
        Matcher m = STATUS.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    static List<DartCorp> parse(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().toLowerCase().endsWith(".xml")) {
                    return parseXml(in);
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new UpstreamException(DartClient.SYSTEM, UpstreamException.Kind.BAD_RESPONSE,
                    "the DART corp code list could not be read");
        }
        throw new UpstreamException(DartClient.SYSTEM, UpstreamException.Kind.BAD_RESPONSE,
                "the DART corp code archive holds no XML");
    }

    private static List<DartCorp> parseXml(InputStream xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(xml, "UTF-8");
        List<DartCorp> out = new ArrayList<>(120_000);
        String corpCode = null;
        String name = null;
        String nameEn = null;
        String stockCode = null;
        String modifyDate = null;
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                text.setLength(0);
                if (reader.getLocalName().equals("list")) {
                    corpCode = name = nameEn = stockCode = modifyDate = null;
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String value = text.toString().trim();
                switch (reader.getLocalName()) {
                    case "corp_code" -> corpCode = value;
                    case "corp_name" -> name = value;
                    case "corp_eng_name" -> nameEn = value.isEmpty() ? null : value;
                    case "stock_code" -> stockCode = value.isEmpty() ? null : value;
                    case "modify_date" -> modifyDate = value;
                    case "list" -> out.add(new DartCorp(corpCode, name, nameEn, stockCode, modifyDate));
                    default -> {
                    }
                }
                text.setLength(0);
            }
        }
        return out;
    }
}
