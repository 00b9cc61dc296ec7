# urllib.robotparser: groups, Allow/Disallow order, escapes, delays, sitemaps.
import urllib.robotparser
rp = urllib.robotparser.RobotFileParser()
print(rp.can_fetch('*', 'http://x/'))
rp.parse("""
# comment
User-agent: figtree
Crawl-delay: 3
Request-rate: 9/30
Disallow: /tmp
Disallow: /a%3cd.html
Allow: /folder/ok.html
Disallow: /folder/

User-agent: *
Disallow: /cyberworld/map/ # This is an infinite virtual URL space
Disallow: /~joe/
Sitemap: http://www.example.com/sitemap.xml
""".splitlines())
for agent, url in [('figtree', 'http://x/tmp/a'), ('FigTree/1.0 Robot', 'http://x/a%3Cd.html'), ('figtree', '/folder/ok.html'),
                   ('figtree', '/folder/other'), ('figtree', '/cyberworld/map/x'), ('other', '/cyberworld/map/x'), ('other', '/~joe/index'), ('other', '/')]:
    print(agent, url, rp.can_fetch(agent, url))
print(rp.crawl_delay('figtree'), rp.request_rate('figtree'), rp.crawl_delay('x'), rp.site_maps())
print(rp)
