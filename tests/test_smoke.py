from ipextract import parse_file


def test_seed_parses(fixtures):
    doc = parse_file(fixtures / "seed-hp-ip.txt")
    assert doc.error is None
    assert doc.title == "国家级知识产权改革试验田亮出“成绩单” 广州开发区打造大湾区知识产权服务中心"
    assert doc.format == "text"
