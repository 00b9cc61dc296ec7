import os, tempfile
from xml.etree import ElementTree as ET, ElementInclude
d = tempfile.mkdtemp()
with open(os.path.join(d, 'part.xml'), 'w') as f: f.write('<part>included<sub/></part>')
with open(os.path.join(d, 'text.txt'), 'w') as f: f.write('plain text')
root = ET.fromstring('<doc xmlns:xi="http://www.w3.org/2001/XInclude"><a/><xi:include href="%s"/>tail<xi:include href="%s" parse="text"/>!</doc>' % (os.path.join(d, 'part.xml'), os.path.join(d, 'text.txt')))
ElementInclude.include(root)
print(ET.tostring(root))
bad = ET.fromstring('<doc xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="x" parse="bogus"/></doc>')
try: ElementInclude.include(bad)
except ElementInclude.FatalIncludeError as e: print(e)
try: ElementInclude.include(root, max_depth=-1)
except ValueError as e: print(e)
import shutil; shutil.rmtree(d)
