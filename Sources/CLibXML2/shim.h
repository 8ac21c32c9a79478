// libxml2 from the system (Debian: libxml2-dev), the parser Parallax reads XML and HTML with.
#include <libxml/xmlversion.h>
// libxml2's encoding header would pull in the system's ICU headers, which clash with the
// ICU inside Foundation; Parallax decodes bytes itself and never touches encoding handlers.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
