#!/usr/bin/python3
"""Tracked changes made by LibreOffice, through UNO macros.

Starts a headless LibreOffice with its own profile (whose user name,
`AUTHOR`, is the author of the changes) and saves the result as a Word
document (the filter `MS Word 2007 XML`):

- `compare`: opens NEW and dispatches `.uno:CompareDocuments` against OLD
  (LibreOffice has no command-line compare);
- `join`: opens IN with Track Changes on and deletes the paragraph mark
  after the paragraph that contains TEXT, as a drafter pressing Delete at
  its end does (the paragraph runs on into the next one).

Run by the Python that has the `uno` module (Debian's python3-uno installs
it for /usr/bin/python3); used by scripts/docx-fixtures.py, never in CI.

    /usr/bin/python3 scripts/lo-uno.py compare OLD.docx NEW.docx OUT.docx AUTHOR PROFILE_DIR
    /usr/bin/python3 scripts/lo-uno.py join IN.docx TEXT OUT.docx AUTHOR PROFILE_DIR
"""

import os
import subprocess
import sys
import time

import uno  # type: ignore
from com.sun.star.beans import PropertyValue  # type: ignore


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def main(command, first, second, out, author, profile):
    pipe = "unlsp_compare_%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "-env:UserInstallation=" + url(profile),
            "--accept=pipe,name=%s;urp;" % pipe,
        ]
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    ctx = None
    for _ in range(240):
        try:
            ctx = resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
            )
            break
        except Exception:
            time.sleep(0.5)
    if ctx is None:
        office.kill()
        sys.exit("LibreOffice did not answer on its pipe")
    smgr = ctx.ServiceManager
    # the author of the changes: the user's name in the profile
    provider = smgr.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx
    )
    user = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    user.setPropertyValue("givenname", author)
    user.setPropertyValue("sn", "")
    user.commitChanges()
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    if command == "compare":
        old, new = first, second
        doc = desktop.loadComponentFromURL(url(new), "_blank", 0, (prop("Hidden", True),))
        dispatcher = smgr.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx
        )
        frame = doc.getCurrentController().getFrame()
        dispatcher.executeDispatch(
            frame,
            ".uno:CompareDocuments",
            "",
            0,
            (prop("URL", url(old)), prop("NoAcceptDialog", True)),
        )
    else:
        doc = desktop.loadComponentFromURL(url(first), "_blank", 0, (prop("Hidden", True),))
        doc.RecordChanges = True
        search = doc.createSearchDescriptor()
        search.SearchString = second
        found = doc.findFirst(search)
        if found is None:
            doc.close(True)
            desktop.terminate()
            sys.exit("join: no paragraph contains %r" % second)
        cursor = found.getText().createTextCursorByRange(found.getStart())
        cursor.gotoEndOfParagraph(False)
        cursor.goRight(1, True)  # the paragraph mark
        cursor.setString("")
    doc.storeToURL(url(out), (prop("FilterName", "MS Word 2007 XML"),))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the bridge closes as the office quits
    office.wait(timeout=120)


if __name__ == "__main__":
    if len(sys.argv) != 7 or sys.argv[1] not in ("compare", "join"):
        sys.exit(__doc__)
    main(*sys.argv[1:])
