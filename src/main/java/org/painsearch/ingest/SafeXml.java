package org.painsearch.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Parses untrusted XML (feeds, OPML): documents with a DTD are refused, so no entity can reach a file or the network. */
final class SafeXml {
    private static final String NO_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private SafeXml() {
    }

    /**
     * Parses {@code bytes} namespace-aware; {@code encoding} overrides the declared one when not null.
     *
     * @throws IllegalArgumentException saying why the document cannot be read (a DTD, or the line that is not well-formed)
     */
    static Document parse(byte[] bytes, String encoding, String what) {
        try {
            var source = new InputSource(new ByteArrayInputStream(bytes));
            if (encoding != null) {
                source.setEncoding(encoding);
            }
            return builder().parse(source);
        } catch (SAXParseException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE")) {
                throw new IllegalArgumentException("refused: the " + what + " declares a DTD (<!DOCTYPE>), which painsearch "
                        + "never reads because it can smuggle in files or network requests");
            }
            throw new IllegalArgumentException("not a well-formed " + what + " (line " + e.getLineNumber() + ": " + m + ")");
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not a well-formed " + what + " (" + e.getMessage() + ")");
        }
    }

    private static DocumentBuilder builder() {
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(NO_DOCTYPE, true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(QUIET);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature painsearch needs", e);
        }
    }

    // The default handler prints "[Fatal Error]" to stderr before throwing; the exception alone says it.
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
