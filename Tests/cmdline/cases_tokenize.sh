# python -m tokenize [-e] (sourced by run.sh).

printf 'x = (1 +\n     2)  # c\n' > "$tmp/tok.py"
expect tokenize-main "0,0-0,0:            ENCODING       'utf-8'        
1,0-1,1:            NAME           'x'            
1,2-1,3:            OP             '='            
1,4-1,5:            OP             '('            
1,5-1,6:            NUMBER         '1'            
1,7-1,8:            OP             '+'            
1,8-1,9:            NL             '\n'           
2,5-2,6:            NUMBER         '2'            
2,6-2,7:            OP             ')'            
2,9-2,12:           COMMENT        '# c'          
2,12-2,13:          NEWLINE        '\n'           
3,0-3,0:            ENDMARKER      ''             " "$PY" -m tokenize "$tmp/tok.py"
expect tokenize-exact "1,2-1,3:            EQUAL          '='            " \
    sh -c "'$PY' -m tokenize -e '$tmp/tok.py' | sed -n 3p"
expect tokenize-stdin "1,0-1,3:            NAME           'abc'          " \
    sh -c "echo abc | '$PY' -m tokenize | head -1"
printf 'x = (1\n' > "$tmp/tokerr.py"
expect_err tokenize-eof-error "tokerr.py:2:0: error: unexpected EOF in multi-line statement" \
    "$PY" -m tokenize "$tmp/tokerr.py"
expect_status tokenize-eof-status 1 "$PY" -m tokenize "$tmp/tokerr.py"
expect_status tokenize-missing-file 1 "$PY" -m tokenize "$tmp/no-such-file.py"

# python -m dis [-C] [-O] [-P] [-S] [file]
printf 'x = y\n' > "$tmp/dis1.py"
expect dis-main-store "STORE_NAME 1 (x)" \
    sh -c "'$PY' -m dis '$tmp/dis1.py' | grep STORE_NAME | tr -s ' ' | sed 's/^ //'"
expect dis-offsets "2 LOAD_NAME 0 (y)" \
    sh -c "'$PY' -m dis -O '$tmp/dis1.py' | grep LOAD_NAME | tr -s ' ' | sed 's/^ 1 //'"
expect dis-positions "1:4-1:5 LOAD_NAME 0 (y)" \
    sh -c "'$PY' -m dis -P '$tmp/dis1.py' | grep LOAD_NAME | tr -s ' '"
expect dis-stdin "1 LOAD_NAME 0 (y)" \
    sh -c "echo 'x = y' | '$PY' -m dis -C -S | grep LOAD_NAME | tr -s ' ' | sed 's/^ //'"
expect_status dis-missing-file 1 "$PY" -m dis "$tmp/no-such-file.py"

# python -m tarfile -c / -l / -t / -e
mkdir -p "$tmp/tarsrc" "$tmp/tarout"
printf 'payload\n' > "$tmp/tarsrc/f1"
expect tarfile-create "'$tmp/t.tgz' file created." \
    sh -c "cd '$tmp/tarsrc' && '$PY' -m tarfile -v -c '$tmp/t.tgz' f1"
expect tarfile-list "f1 " "$PY" -m tarfile -l "$tmp/t.tgz"
expect tarfile-test "'$tmp/t.tgz' is a tar archive." "$PY" -m tarfile -v -t "$tmp/t.tgz"
expect tarfile-extract "payload" \
    sh -c "'$PY' -m tarfile -e '$tmp/t.tgz' '$tmp/tarout' && cat '$tmp/tarout/f1'"
expect_err tarfile-not-archive "is not a tar archive." "$PY" -m tarfile -l "$tmp/tarsrc/f1"
expect_status tarfile-not-archive-status 1 "$PY" -m tarfile -l "$tmp/tarsrc/f1"
