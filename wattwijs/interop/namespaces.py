"""XML namespaces and qualified names shared by the OAI-PMH responses and the metadata formats."""

XML_URI = "http://www.w3.org/XML/1998/namespace"
XSI_URI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = f"{{{XML_URI}}}lang"
XSI_SCHEMA_LOCATION = f"{{{XSI_URI}}}schemaLocation"
