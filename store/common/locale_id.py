"""Bahasa Indonesia for every user-facing string: English msgid -> Indonesian text.

Keys are the English source text exactly as passed to `_()` or `N_()`; tests/test_i18n.py
checks that every msgid is here, that no entry is stale, and that each translation keeps the
{placeholders} of its msgid. Entries are grouped by the file that first uses them.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # store/exchange/check.py
    "case": "kasus",
    "worker": "pekerja",
    "log entry": "catatan",
    "is not valid": "tidak valid",
    "is not a valid record": "bukan data yang valid",
    "the same id is used by {count} records": "id yang sama dipakai oleh {count} data",
    "a saved case has no reference": "ada kasus tersimpan yang tidak punya nomor kasus",
    "the reference is used by {count} cases": "nomor kasus ini dipakai oleh {count} kasus",
    "belongs to a case that does not exist": "terkait dengan kasus yang tidak ada",
    "names a worker who is not in its case": "menyebut pekerja yang tidak ada dalam kasusnya",
    "broken at entry {entry} (line {line}): {reason}": (
        "rusak pada entri {entry} (baris {line}): {reason}"
    ),
    # store/db/database.py
    "case of this worker": "kasus pekerja ini",
    "case of this log entry": "kasus catatan ini",
    "worker in this case": "pekerja dalam kasus ini",
    # store/common/errors.py
    "Not found: {what}": "Tidak ditemukan: {what}",
    # store/engine/migrations.py
    (
        "{path}: upgrading the database to schema {version} failed ({error}); the file was not "
        "changed."
    ): (
        "{path}: peningkatan basis data ke skema {version} gagal ({error}); berkas tidak diubah."
    ),
    "Database upgraded to schema {version}: {notice}": (
        "Basis data ditingkatkan ke skema {version}: {notice}"
    ),
    (
        "{count} log entry could not be marked sent or received from what it says ({kinds}): "
        "its case's log shows it with “?” until you edit it and say which."
    ): (
        "{count} catatan tidak dapat ditandai dikirim atau diterima dari isinya ({kinds}): "
        "catatan kasusnya menampilkannya dengan “?” sampai Anda menyuntingnya dan menyebutkan "
        "yang mana."
    ),
    (
        "{count} log entries could not be marked sent or received from what they say "
        "({kinds}): their cases' logs show them with “?” until you edit them and say which."
    ): (
        "{count} catatan tidak dapat ditandai dikirim atau diterima dari isinya ({kinds}): "
        "catatan kasusnya menampilkannya dengan “?” sampai Anda menyuntingnya dan menyebutkan "
        "yang mana."
    ),
    # store/domain/parse.py
    "There is no such date: {text}": "Tanggal itu tidak ada: {text}",
    "Not a date; write it as DD/MM/YYYY, e.g. 12/12/2025": (
        "Bukan tanggal; tulis sebagai DD/MM/YYYY, mis. 12/12/2025"
    ),
    "Not a date; write DD/MM/YYYY (12/12/2025), or +2, -1, +1w, today": (
        "Bukan tanggal; tulis DD/MM/YYYY (12/12/2025), atau +2, -1, +1mg, hari ini"
    ),
    "Not a time of day; write it as HH:MM, e.g. 14:30": (
        "Bukan jam yang valid; tulis sebagai HH:MM, mis. 14:30"
    ),
    "Not a phone number": "Bukan nomor telepon",
    "This phone number is too short": "Nomor telepon ini terlalu pendek",
    "This phone number is too long": "Nomor telepon ini terlalu panjang",
    "Unknown country calling code; start with + and the country code": (
        "Kode telepon negara tidak dikenal; awali dengan + dan kode negara"
    ),
    "Unknown country: {text}": "Negara tidak dikenal: {text}",
    # store/domain/records.py
    "Id": "Id",
    "Created": "Dibuat",
    "Updated": "Diperbarui",
    "Changed by": "Diubah oleh",
    "Version": "Versi",
    "Reference": "Nomor kasus",
    "Title": "Judul",
    "Kind": "Jenis",
    "Destination country": "Negara tujuan",
    "Destination place": "Lokasi tujuan",
    "Origin country": "Negara asal",
    "Exploitation": "Bentuk eksploitasi",
    "Sector": "Sektor",
    "Reached the union via": "Masuk ke serikat melalui",
    "Date reported": "Tanggal dilaporkan",
    "Urgency": "Urgensi",
    "Assigned officer": "Petugas penanggung jawab",
    "Stage": "Tahap",
    "Tags": "Label",
    "must not be empty": "wajib diisi",
    "not a case reference such as KH-2025-0001": "bukan nomor kasus seperti KH-2025-0001",
    "must not be in the future": "tidak boleh tanggal yang akan datang",
    "Case": "Kasus",
    "Full name": "Nama lengkap",
    "Other spellings": "Ejaan lain",
    "Sex": "Jenis kelamin",
    "Date of birth": "Tanggal lahir",
    "Age": "Usia",
    "Nationality": "Kewarganegaraan",
    "Home province": "Provinsi asal",
    "Home district": "Kabupaten/kota asal",
    "Phone": "Telepon",
    "Passport number": "Nomor paspor",
    "Passport is": "Status paspor",
    "Current location or shelter": "Lokasi saat ini atau shelter",
    "Family contact": "Kontak keluarga",
    "Health": "Kesehatan",
    "Notes": "Catatan",
    "Enter the age in whole years": "Isi usia dalam tahun penuh",
    "Workers": "Pekerja",
    "When": "Waktu",
    "Recorded by": "Dicatat oleh",
    "Counterpart organisation": "Lembaga yang dihubungi",
    "Counterpart person": "Orang yang dihubungi",
    "Summary": "Ringkasan",
    "Next step": "Langkah berikutnya",
    "Due date": "Tenggat",
    "Next step done": "Langkah berikutnya selesai",
    "is before the entry's date": "lebih awal dari tanggal catatan",
    "say what is due on the due date": "tuliskan apa yang harus selesai pada tenggat itu",
    "Enter a whole number": "Isi dengan bilangan bulat",
    "is too small": "terlalu kecil",
    "is too large": "terlalu besar",
    "choose one of the listed values": "pilih salah satu nilai dalam daftar",
    "is not a field of this record": "bukan isian dari data ini",
    "is not a valid value": "bukan nilai yang valid",
    # store/engine/storage.py
    "{path} is empty: the file was cut short. Pulang has not changed it.": (
        "{path} kosong: berkasnya terpotong. Pulang tidak mengubahnya."
    ),
    (
        "{path} is damaged (cut short or overwritten) and cannot be read. Pulang has not changed "
        "it; restore it from a backup."
    ): (
        "{path} rusak (terpotong atau tertimpa) dan tidak dapat dibaca. Pulang tidak mengubahnya; "
        "pulihkan dari cadangan."
    ),
    "{path} is not a Pulang database. Pulang has not changed it.": (
        "{path} bukan basis data Pulang. Pulang tidak mengubahnya."
    ),
    "{path} is damaged: its schema version is missing. Pulang has not changed it.": (
        "{path} rusak: versi skemanya tidak ada. Pulang tidak mengubahnya."
    ),
    (
        "{path} was written by a newer Pulang (schema {found}; this one reads up to {newest}). "
        "Update Pulang to open it; the file was not changed."
    ): (
        "{path} ditulis oleh Pulang versi yang lebih baru (skema {found}; versi ini hanya dapat "
        "membaca sampai skema {newest}). Perbarui Pulang untuk membukanya; berkas tidak diubah."
    ),
    "{path} is damaged (table {table} is malformed). Pulang has not changed it.": (
        "{path} rusak (tabel {table} tidak berbentuk benar). Pulang tidak mengubahnya."
    ),
    "The folder {folder} does not exist: create it with `mkdir -p {quoted}` (Pulang keeps it "
    "private: `chmod 700 {quoted}`), or give another --db.": (
        "Folder {folder} tidak ada: buat dengan `mkdir -p {quoted}` (Pulang menjaganya tetap "
        "pribadi: `chmod 700 {quoted}`), atau berikan --db yang lain."
    ),
    "{path} does not exist.": "{path} tidak ada.",
    "{path} is a folder, not a Pulang database.": "{path} adalah folder, bukan basis data Pulang.",
    "{path} cannot be read: permission denied.": "{path} tidak dapat dibaca: izin ditolak.",
    # store/domain/vocab.py
    "individual": "perorangan",
    "group": "kelompok",
    "reported": "dilaporkan",
    "verifying": "verifikasi",
    "awaiting rescue": "menunggu penyelamatan",
    "in shelter": "di shelter",
    "documents": "pengurusan dokumen",
    "immigration clearance": "proses imigrasi",
    "repatriated": "dipulangkan",
    "handed over": "diserahterimakan",
    "reintegration": "reintegrasi",
    "legal follow-up": "tindak lanjut hukum",
    "closed": "ditutup",
    "forced labour": "kerja paksa",
    "forced criminality (scam work)": "kejahatan paksa (penipuan daring)",
    "sexual exploitation": "eksploitasi seksual",
    "child labour": "pekerja anak",
    "forced marriage": "perkawinan paksa",
    "servitude": "perhambaan",
    "forced military service by non-state actors": "dinas militer paksa oleh aktor non-negara",
    "organ removal": "pengambilan organ",
    "forced begging": "pengemisan paksa",
    "forced adoption": "adopsi paksa",
    "surrogacy": "sewa rahim",
    "other": "lainnya",
    "agriculture, forestry and fishing": "pertanian, kehutanan dan perikanan",
    "mining and quarrying": "pertambangan dan penggalian",
    "manufacturing": "industri pengolahan",
    "electricity and gas supply": "pengadaan listrik dan gas",
    "water supply and waste management": "pengadaan air dan pengelolaan limbah",
    "construction": "konstruksi",
    "wholesale and retail trade": "perdagangan besar dan eceran",
    "transport and storage": "transportasi dan pergudangan",
    "accommodation and food service": "penyediaan akomodasi dan makan minum",
    "information and communication (online scams)": "informasi dan komunikasi (penipuan daring)",
    "financial and insurance activities": "jasa keuangan dan asuransi",
    "real estate": "real estat",
    "professional and technical activities": "jasa profesional dan teknis",
    "administrative and support services": "jasa administrasi dan penunjang usaha",
    "public administration and defence": "administrasi pemerintahan dan pertahanan",
    "education": "pendidikan",
    "health and social work": "kesehatan dan kegiatan sosial",
    "arts, entertainment and recreation (gambling)": "kesenian, hiburan dan rekreasi (perjudian)",
    "other services": "jasa lainnya",
    "domestic work in households": "pekerja rumah tangga",
    "extraterritorial organisations": "badan internasional dan ekstrateritorial",
    "hotline": "hotline",
    "walk-in": "datang langsung",
    "online portal": "portal daring",
    "union contact": "kontak serikat",
    "referral by a partner": "rujukan dari mitra",
    "family or friends": "keluarga atau teman",
    "social media": "media sosial",
    "low": "rendah",
    "normal": "biasa",
    "high": "tinggi",
    "critical": "kritis",
    "female": "perempuan",
    "male": "laki-laki",
    "unknown": "tidak diketahui",
    "with the worker": "dipegang pekerja",
    "held by employer": "ditahan majikan",
    "lost": "hilang",
    "none": "tidak punya",
    "call": "telepon",
    "message": "pesan",
    "meeting": "pertemuan",
    # -- worker lists (store/exchange/worker_import.py) --
    'UTF-8': 'UTF-8',
    'UTF-8 (with the byte-order mark Excel writes)': 'UTF-8 (dengan penanda urutan bita yang ditulis Excel)',
    'Windows-1252 (the file is not UTF-8)': 'Windows-1252 (berkas ini bukan UTF-8)',
    'Latin-1 (the file is neither UTF-8 nor Windows-1252)': 'Latin-1 (berkas ini bukan UTF-8 maupun Windows-1252)',
    "UTF-16 (Excel's “Unicode Text”)": 'UTF-16 (“Unicode Text” dari Excel)',
    'This file starts as Unicode text but is not: save it again from the spreadsheet as CSV UTF-8.':
        'Berkas ini diawali sebagai teks Unicode tetapi ternyata bukan: simpan lagi dari '
        'spreadsheet sebagai CSV UTF-8.',
    'This is larger than {limit} MB, more than any list of workers: check it is the right file, or split the list into parts.':
        'Ini lebih besar dari {limit} MB, melebihi daftar pekerja mana pun: periksa apakah '
        'berkasnya benar, atau bagi daftarnya menjadi beberapa bagian.',
    'This list has more than {limit} rows: split it into parts of at most {limit} rows.':
        'Daftar ini berisi lebih dari {limit} baris: bagi menjadi beberapa bagian, masing-masing '
        'paling banyak {limit} baris.',
    '{path} is not a file but a device, a pipe or a folder: give the path of a file.':
        '{path} bukan berkas melainkan perangkat, pipa, atau folder: berikan jalur sebuah berkas.',
    '--left-out {path} is the list being read: give another file, or the list would be replaced by its rows left out. Nothing was written.':
        '--left-out {path} adalah daftar yang sedang dibaca: berikan berkas lain, atau daftar itu '
        'akan diganti dengan baris-baris yang tidak dimasukkan saja. Tidak ada yang ditulis.',
    'replace the --left-out file if it exists': 'ganti berkas --left-out bila sudah ada',
    'This is not a list of workers: it holds binary data, not text. Give a CSV file, an Excel workbook (.xlsx), or paste the list.':
        'Ini bukan daftar pekerja: isinya data biner, bukan teks. Berikan berkas CSV, buku kerja '
        'Excel (.xlsx), atau tempelkan daftarnya.',
    'This file cannot be read as a table from line {line} on: save it again from the spreadsheet as CSV UTF-8.':
        'Berkas ini tidak dapat dibaca sebagai tabel mulai baris {line}: simpan lagi dari '
        'spreadsheet sebagai CSV UTF-8.',
    'This workbook unpacks to more than {limit} MB, more than any list of workers: check it is the right file, or save the list as CSV UTF-8.':
        'Buku kerja ini terurai menjadi lebih dari {limit} MB, melebihi daftar pekerja mana pun: '
        'periksa apakah berkasnya benar, atau simpan daftarnya sebagai CSV UTF-8.',
    'date of birth {text} read as day {day}, month {month}: check it is not the other way round': 'tanggal lahir {text} dibaca sebagai tanggal {day}, bulan {month}: periksa apakah bukan sebaliknya',
    'sex “{text}” is not one Pulang knows (L/P, male/female)': 'jenis kelamin “{text}” tidak dikenal Pulang (L/P, laki-laki/perempuan)',
    'no name in this row': 'tidak ada nama di baris ini',
    'the same name as {row}': 'nama yang sama dengan {row}',
    'Original row': 'Baris asli',
    'column {number} “{header}”': 'kolom {number} “{header}”',
    'column {number}': 'kolom {number}',
    '(row numbers)': '(nomor baris)',
    "“{given}” is not COLUMN=FIELD: COLUMN is a column's header, number or letter, FIELD one of {fields}, or {skip}.":
        '“{given}” bukan COLUMN=FIELD: COLUMN adalah judul, nomor, atau huruf sebuah kolom, '
        'FIELD salah satu dari {fields}, atau {skip}.',
    'This list has no column “{column}”. Its columns: {columns}.':
        'Daftar ini tidak punya kolom “{column}”. Kolom-kolomnya: {columns}.',
    '{field} is given to two columns: {first} and {second}.':
        '{field} diberikan ke dua kolom: {first} dan {second}.',
    '{column}, {count} value': '{column}, {count} isian',
    '{column}, {count} values': '{column}, {count} isian',
    'Row {row} (No. {number})': 'Baris {row} (No. {number})',
    'row {row} (No. {number})': 'baris {row} (No. {number})',
    'Row {row}': 'Baris {row}',
    'row {row}': 'baris {row}',
    '{name} is already a worker of this case': '{name} sudah menjadi pekerja dalam kasus ini',
    'close to {name}, already in this case: the same person?': 'mirip dengan {name}, yang sudah ada di kasus ini: orang yang sama?',
    'Problem': 'Masalah',
    'add a list of workers from a CSV file to a case': 'menambahkan daftar pekerja dari berkas CSV ke sebuah kasus',
    'Read a list of workers (CSV as spreadsheets write it, with commas or semicolons, in UTF-8, Windows-1252 or Latin-1, with an English or Indonesian header; or one name a line) and add it to a case. Every row is checked first and its problems listed; nothing is written until you confirm, and then all the rows without problems go in at once. Exit 0 when every row went in (or would, with --dry-run), 1 when rows were left out.': 'Membaca daftar pekerja (CSV seperti ditulis spreadsheet, dengan koma atau titik koma, dalam UTF-8, Windows-1252 atau Latin-1, dengan judul kolom berbahasa Inggris atau Indonesia; atau satu nama per baris) dan menambahkannya ke sebuah kasus. Setiap baris diperiksa dulu dan masalahnya dicantumkan; tidak ada yang ditulis sebelum Anda mengonfirmasi, lalu semua baris tanpa masalah masuk sekaligus. Keluar 0 jika semua baris masuk (atau akan masuk, dengan --dry-run), 1 jika ada baris yang ditinggalkan.',
    'the CSV or text file': 'berkas CSV atau teks',
    "the case's reference, e.g. KH-2025-0001": 'nomor rujukan kasus, mis. KH-2025-0001',
    'check and show the rows, write nothing': 'periksa dan tampilkan baris-barisnya, tanpa menulis apa pun',
    'add the rows without problems without asking (for scripts)': 'tambahkan baris tanpa masalah tanpa bertanya (untuk skrip)',
    'write the rows left out, with why, to this CSV file (mode 0600), to fix and import again (not with --dry-run)': 'tulis baris yang ditinggalkan, beserta alasannya, ke berkas CSV ini (mode 0600), untuk diperbaiki dan diimpor lagi (tidak dengan --dry-run)',
    '--left-out is ignored with --dry-run: a dry run writes nothing, not even the rows left out.':
        '--left-out diabaikan dengan --dry-run: uji coba tidak menulis apa pun, termasuk baris '
        'yang ditinggalkan.',
    'Cannot read {path}: {reason}': 'Tidak dapat membaca {path}: {reason}',
    'No case {ref} in {path}.': 'Tidak ada kasus {ref} di {path}.',
    '{path}: read as {encoding}, {rows} rows.': '{path}: dibaca sebagai {encoding}, {rows} baris.',
    'Columns: {columns}': 'Kolom: {columns}',
    'ok': 'oke',
    'left out': 'ditinggalkan',
    'put a column (its header, number or letter) into a worker field, e.g. --map "Asal (Kab/Kota)"=home_district, or =notes, or =skip to leave it out; repeatable. A column that holds data and fills no field is warned about':
        'masukkan sebuah kolom (judul, nomor, atau hurufnya) ke sebuah data pekerja, mis. --map '
        '"Asal (Kab/Kota)"=home_district, atau =notes, atau =skip untuk meninggalkannya; dapat '
        'diulang. Kolom yang berisi data tetapi tidak mengisi data apa pun diperingatkan',
    'Not imported: {columns}.': 'Tidak diimpor: {columns}.',
    'To keep a column, give it a field: --map {number}=FIELD, FIELD one of {fields}. --map {number}={skip} leaves it out without this warning.':
        'Untuk menyimpan sebuah kolom, beri kolom data: --map {number}=FIELD, FIELD salah satu '
        'dari {fields}. --map {number}={skip} meninggalkannya tanpa peringatan ini.',
    'Not read, above the header: {rows}.': 'Tidak dibaca, di atas baris judul: {rows}.',
    '{row}: {mark}: {name}': '{row}: {mark}: {name}',
    'problem: {text}': 'masalah: {text}',
    'check: {text}': 'periksa: {text}',
    'Rows that can be added to {ref}: {good}; left out: {bad}.': 'Baris yang dapat ditambahkan ke {ref}: {good}; ditinggalkan: {bad}.',
    'The rows left out are in {path}, with why.': 'Baris yang ditinggalkan ada di {path}, beserta alasannya.',
    'Nothing was written (--dry-run).': 'Tidak ada yang ditulis (--dry-run).',
    'Add {count} workers to {ref}?': 'Tambahkan {count} pekerja ke {ref}?',
    'Nothing was written.': 'Tidak ada yang ditulis.',
    '{count} workers added to {ref}.': '{count} pekerja ditambahkan ke {ref}.',
    '(left out)': '(tidak dipakai)',
    # -- adding workers from a list (tui/screens/import_workers.py) --
    'Import workers': 'Impor pekerja',
    '{count} workers added.': '{count} pekerja ditambahkan.',
    'Read the list': 'Baca daftar',
    'Add the workers': 'Tambahkan pekerja',
    "Add a list of workers to this case. Write the path of a CSV file or an Excel workbook (.xlsx, its first sheet) on the File line and press Enter, or paste the list into the box below it (one worker a line, or rows copied from a spreadsheet; a file's path pasted there is read as the file); then Ctrl+R reads it. Each column is matched to a field from its header (English or Indonesian, as offices write them: Nama Lengkap, No. Paspor/SPLP, Asal (Kab/Kota), No HP/WA, Tgl. Lahir, L/P, Alamat goes to the notes); change a column's field with its list. A column that holds data and fills no field is named in the status line with how many values it holds: give it a field (several can go to the notes), or choose (skip) if it is not needed. Rows are numbered as the spreadsheet numbers them (and by its No column when it has one). Every row is checked as a save would check it and listed with its problems (left out) and what to check (it goes in). Nothing is written until Ctrl+S and a yes: then every row without a problem is added, all at once. Escape goes back without adding anything.":
        'Tambahkan daftar pekerja ke kasus ini. Tulis jalur berkas CSV atau buku kerja Excel '
        '(.xlsx, lembar pertamanya) di baris Berkas lalu tekan Enter, atau tempel daftarnya ke '
        'kotak di bawahnya (satu pekerja per baris, atau baris yang disalin dari spreadsheet; '
        'jalur berkas yang ditempel di sana dibaca sebagai berkas); kemudian Ctrl+R '
        'membacanya. Setiap kolom dicocokkan dengan kolom data dari judulnya (bahasa Inggris '
        'atau Indonesia, seperti ditulis kantor: Nama Lengkap, No. Paspor/SPLP, Asal '
        '(Kab/Kota), No HP/WA, Tgl. Lahir, L/P, Alamat masuk ke catatan); ubah kolom data '
        'sebuah kolom dengan daftarnya. Kolom yang berisi data tetapi tidak mengisi kolom data '
        'apa pun disebut di baris status beserta jumlah isiannya: beri kolom data (beberapa '
        'boleh masuk ke catatan), atau pilih (lewati) jika tidak diperlukan. Baris diberi '
        'nomor seperti di spreadsheet (dan menurut kolom No-nya bila ada). Setiap baris '
        'diperiksa seperti saat menyimpan dan dicantumkan dengan masalahnya (ditinggalkan) dan '
        'hal yang perlu diperiksa (tetap masuk). Tidak ada yang ditulis sebelum Ctrl+S dan '
        'jawaban ya: lalu setiap baris tanpa masalah ditambahkan sekaligus. Escape kembali '
        'tanpa menambahkan apa pun.',
    'File': 'Berkas',
    'path of a CSV or Excel (.xlsx) file, or paste below': 'jalur berkas CSV atau Excel (.xlsx), atau tempel di bawah',
    'Paste a list, or give a file; then Ctrl+R reads it.': 'Tempel daftar, atau berikan berkas; lalu Ctrl+R membacanya.',
    'Add workers from a list': 'Tambahkan pekerja dari daftar',
    'Row': 'Baris',
    "The box held a file's path, not a list: {path} is read as the file.":
        'Kotak berisi jalur berkas, bukan daftar: {path} dibaca sebagai berkas.',
    '(skip)': '(lewati)',
    '{row} (No. {number})': '{row} (No. {number})',
    'Not imported, with their values: {columns}. Give each a field below, or (skip).':
        'Tidak diimpor, beserta isiannya: {columns}. Beri masing-masing kolom data di bawah, '
        'atau (lewati).',
    '{row}: {said}': '{row}: {said}',
    'Result': 'Hasil',
    'Column {number}': 'Kolom {number}',
    'left out: {why}': 'ditinggalkan: {why}',
    'check: {what}': 'periksa: {what}',
    'Read as {encoding}: {good} of {rows} rows can be added; Ctrl+S adds them.': 'Dibaca sebagai {encoding}: {good} dari {rows} baris dapat ditambahkan; Ctrl+S menambahkannya.',
    'Nothing to add: read a list first (Ctrl+R), with at least one row without problems.': 'Tidak ada yang bisa ditambahkan: baca daftar dulu (Ctrl+R), dengan sedikitnya satu baris tanpa masalah.',
    'Add {count} workers to this case?': 'Tambahkan {count} pekerja ke kasus ini?',
    '{count} rows with problems are left out.': '{count} baris bermasalah ditinggalkan.',
    'Add': 'Tambahkan',
    'Not yet': 'Belum',
    'Discard this list? Nothing was added.': 'Buang daftar ini? Belum ada yang ditambahkan.',
    # -- exports and the import of a json export (issue 7, exp) --
    'This database is not empty: an export is read only into a new, empty database. Nothing was imported.': 'Basis data ini tidak kosong: ekspor hanya dibaca ke basis data baru yang kosong. Tidak ada yang diimpor.',
    'This file is not a Pulang json export (not JSON).': 'Berkas ini bukan ekspor json Pulang (bukan JSON).',
    'This file is not a Pulang json export.': 'Berkas ini bukan ekspor json Pulang.',
    'This export is of a newer format (version {version}); update Pulang to read it.': 'Ekspor ini berformat lebih baru (versi {version}); perbarui Pulang untuk membacanya.',
    'This export has tables this Pulang does not know: {tables}.': 'Ekspor ini memuat tabel yang tidak dikenal Pulang ini: {tables}.',
    'Record {n} of {table} is not valid; nothing was imported.': 'Rekaman {n} dari {table} tidak sah; tidak ada yang diimpor.',
    'export the database as json, csv or htcds statistics': 'ekspor basis data sebagai json, csv, atau statistik htcds',
    'json: every record with its id, version and timestamps, a backup that `pulang import` reads back (it holds personal data). csv: one file per kind of record, in a folder or a .zip, personal and sensitive fields left out unless --include-personal. htcds: one row per worker in the HTCDS / CTDC columns, k-anonymised, only workers whose consent covers statistics. Files are created readable by you only; every export is written to the audit trail.': 'json: setiap rekaman dengan id, versi, dan cap waktunya, cadangan yang dapat dibaca kembali oleh `pulang import` (memuat data pribadi). csv: satu berkas per jenis rekaman, dalam folder atau .zip, kolom pribadi dan sensitif tidak disertakan kecuali dengan --include-personal. htcds: satu baris per pekerja dalam kolom HTCDS / CTDC, dianonimkan-k, hanya pekerja yang persetujuannya mencakup statistik. Berkas dibuat hanya dapat dibaca oleh Anda; setiap ekspor dicatat di jejak audit.',
    'json, csv or htcds': 'json, csv, atau htcds',
    'the file (csv: a folder, or a file ending in .zip); needed for anything with personal data': 'berkasnya (csv: folder, atau berkas berakhiran .zip); wajib untuk apa pun yang memuat data pribadi',
    'csv: include personal and sensitive fields (asks first)': 'csv: sertakan kolom pribadi dan sensitif (bertanya dulu)',
    'allow personal data from an encrypted database to be written unencrypted': 'izinkan data pribadi dari basis data terenkripsi ditulis tanpa enkripsi',
    'read a json export into a new, empty database': 'baca ekspor json ke basis data baru yang kosong',
    'Read a json export (`pulang export --format json`) into a new, empty database, keeping every id, version and timestamp. Exit 2 when the file is not a Pulang export or is of a newer version; 1 when the database is not empty.': 'Baca ekspor json (`pulang export --format json`) ke basis data baru yang kosong, dengan setiap id, versi, dan cap waktu tetap. Keluar 2 bila berkas bukan ekspor Pulang atau berversi lebih baru; 1 bila basis data tidak kosong.',
    'the json export': 'ekspor json',
    '--include-personal is for --format csv only.': '--include-personal hanya untuk --format csv.',
    'This export holds personal data: give the file to write with --out (it is never printed).': 'Ekspor ini memuat data pribadi: sebutkan berkas tujuannya dengan --out (tidak pernah dicetak ke layar).',
    'A csv export is several files: give a folder or a .zip file with --out.': 'Ekspor csv terdiri atas beberapa berkas: sebutkan folder atau berkas .zip dengan --out.',
    'No database at {path}.': 'Tidak ada basis data di {path}.',
    'The database is encrypted and this export would hold personal data unencrypted. Nothing was written. If you mean it, run it again with --plaintext.': 'Basis data ini terenkripsi dan ekspor ini akan memuat data pribadi tanpa enkripsi. Tidak ada yang ditulis. Bila memang itu maksud Anda, jalankan lagi dengan --plaintext.',
    '{path} will hold the names and personal data of the workers, unencrypted. Write it?': '{path} akan memuat nama dan data pribadi para pekerja, tanpa enkripsi. Tulis?',
    'Exported to {path}.': 'Diekspor ke {path}.',
    "{path} is one of the files of the database {db}, or is named like them: Pulang never "
    "writes an export or a brief there. Choose another name; nothing was written.": (
        "{path} adalah salah satu berkas basis data {db}, atau bernama seperti berkas-berkas "
        "itu: Pulang tidak pernah menulis ekspor atau ringkasan di sana. Pilih nama lain; tidak "
        "ada yang ditulis."
    ),
    "The {kind} {id} in {path} is damaged (changed outside Pulang) and an export of it could "
    "not be imported again. Nothing was exported; run `pulang check` to see what is wrong with "
    "it.": (
        "Data {kind} {id} di {path} rusak (diubah di luar Pulang) dan ekspornya tidak akan dapat "
        "diimpor kembali. Tidak ada yang diekspor; jalankan `pulang check` untuk melihat apa "
        "yang salah."
    ),
    "replace the file (csv: the files in the folder) if it exists": (
        "ganti berkasnya (csv: berkas-berkas di dalam folder) bila sudah ada"
    ),
    "replace PATH.md and PATH.html if they exist": "ganti PATH.md dan PATH.html bila sudah ada",
    "{path} already exists: add --force to replace it. Nothing was written.": (
        "{path} sudah ada: tambahkan --force untuk menggantinya. Tidak ada yang ditulis."
    ),
    '{count} records imported into {path}.': '{count} rekaman diimpor ke {path}.',
    # -- figures and case briefs (task: report, issue 7) --
    "{kind} never receive a case brief: it would carry workers' personal data.": '{kind} tidak pernah menerima ringkasan kasus: ringkasan itu memuat data pribadi pekerja.',
    'Worker {number} (details withheld: no consent for {kind})': 'Pekerja {number} (rincian ditahan: tidak ada persetujuan untuk {kind})',
    'Step': 'Langkah',
    'Worker {number}: {name}': 'Pekerja {number}: {name}',
    '(summary withheld: names a worker without consent for {kind})': '(ringkasan ditahan: menyebut pekerja yang tidak memberi persetujuan untuk {kind})',
    '(summary withheld: names no worker, so may concern one without consent for {kind})': '(ringkasan ditahan: tidak menyebut pekerja, jadi bisa menyangkut pekerja yang tidak memberi persetujuan untuk {kind})',
    'The case': 'Kasus',
    'Open requests to {kind}': 'Permintaan terbuka kepada {kind}',
    'Log entries with {kind} in the last {days} days': 'Catatan dengan {kind} dalam {days} hari terakhir',
    'Other log entries with {kind} in the last {days} days': 'Catatan lain dengan {kind} dalam {days} hari terakhir',
    'Case brief {ref} for {kind}': 'Ringkasan kasus {ref} untuk {kind}',
    'Written {when}. Confidential: it holds only what each worker agreed to share with {kind}; do not pass it on.': 'Ditulis {when}. Rahasia: hanya memuat apa yang disetujui setiap pekerja untuk dibagikan kepada {kind}; jangan diteruskan.',
    'None.': 'Tidak ada.',
    'Cases by stage': 'Kasus menurut tahap',
    'Workers by step on the road home': 'Pekerja menurut langkah di jalan pulang',
    'Workers by destination country': 'Pekerja menurut negara tujuan',
    'Workers by origin province (provinces with fewer than {count} workers merged into "other")': 'Pekerja menurut provinsi asal (provinsi dengan kurang dari {count} pekerja digabung ke "lainnya")',
    'New cases per month': 'Kasus baru per bulan',
    'Days from report to return': 'Hari dari laporan sampai kepulangan',
    'home': 'sudah pulang',
    'no plan': 'tanpa rencana',
    'Pulang figures on {date}: {cases} cases, {workers} workers': 'Angka Pulang per {date}: {cases} kasus, {workers} pekerja',
    'no dated return yet': 'belum ada kepulangan bertanggal',
    'median {days} days, from {count} returns': 'median {days} hari, dari {count} kepulangan',
    '{count} returns have no date recorded and are not counted': '{count} kepulangan tidak bertanggal dan tidak dihitung',
    'print the figures: cases by stage, workers by step, returns': 'cetak angka: kasus menurut tahap, pekerja menurut langkah, kepulangan',
    'Print the figures of the database, without personal data: cases by stage, workers by step on the road home, by destination country and by origin province (provinces with fewer than 5 workers merged), new cases per month, and the median days from report to return. Reads only: nothing is written, not even a backup.': 'Cetak angka basis data, tanpa data pribadi: kasus menurut tahap, pekerja menurut langkah di jalan pulang, menurut negara tujuan dan provinsi asal (provinsi dengan kurang dari 5 pekerja digabung), kasus baru per bulan, dan median hari dari laporan sampai kepulangan. Hanya membaca: tidak ada yang ditulis, cadangan pun tidak.',
    'text (aligned lines) or json (for scripts)': 'text (baris rata) atau json (untuk skrip)',
    'write a case brief for one kind of recipient': 'tulis ringkasan kasus untuk satu jenis penerima',
    "Write a brief of a case for one kind of recipient (the embassy, a partner union, the police...): the case's facts, each worker's step, the open requests to that recipient and the recent log entries with them. A worker's personal data is in it only when their consent covers that kind of recipient. Recorded in the audit trail.": 'Tulis ringkasan kasus untuk satu jenis penerima (kedutaan, serikat mitra, polisi...): fakta kasus, langkah setiap pekerja, permintaan terbuka kepada penerima itu dan catatan terbaru dengan mereka. Data pribadi pekerja hanya dimuat jika persetujuannya mencakup jenis penerima itu. Dicatat di jejak audit.',
    'the kind of recipient: {kinds}': 'jenis penerima: {kinds}',
    'write PATH.md and PATH.html (mode 0600) instead of printing the Markdown': 'tulis PATH.md dan PATH.html (mode 0600) alih-alih mencetak Markdown',
    'write the brief although the database is encrypted (the brief is plain text)': 'tulis ringkasan meskipun basis data terenkripsi (ringkasan berupa teks biasa)',
    '{path} is encrypted and a brief is plain text: add --plaintext to write it anyway. Nothing was written.': '{path} terenkripsi dan ringkasan berupa teks biasa: tambahkan --plaintext untuk tetap menulisnya. Tidak ada yang ditulis.',
    'Brief written: {path}': 'Ringkasan ditulis: {path}',
    # -- the HTCDS / CTDC statistics export (store/exchange/htcds.py, task htcds) --
    "Workers exported: {included}; left out without consent for statistics: {no_consent}. So that every combination of gender, age band, citizenship, country of exploitation and year is shared by at least {k} rows: values blanked: {values}; rows left out: {rows}.": "Pekerja diekspor: {included}; ditinggalkan karena tidak ada persetujuan untuk statistik: {no_consent}. Agar setiap kombinasi jenis kelamin, kelompok umur, kewarganegaraan, negara eksploitasi dan tahun dimiliki sedikitnya {k} baris: nilai dikosongkan: {values}; baris ditinggalkan: {rows}.",
    '--k must be 2 or more: with 1, a row could be one person.': '--k harus 2 atau lebih: dengan 1, satu baris bisa berarti satu orang.',
    'htcds: every combination of gender, age band, citizenship, country of exploitation and year is shared by at least K rows (default 11, as CTDC publishes)': 'htcds: setiap kombinasi jenis kelamin, kelompok umur, kewarganegaraan, negara eksploitasi dan tahun dimiliki sedikitnya K baris (bawaan 11, seperti yang diterbitkan CTDC)',
    # -- the dashboard (issue 7) --
    "Dashboard": "Dasbor",
    "Dashboard: how many cases and workers there are, the median days from a case's report to a worker's return home (with how many returns it is based on), new cases per month over the last twelve months, cases by stage, workers by their step on the road home, by destination country and by origin province (provinces with few workers are merged into \"other\", so that no one can be pointed at). Counts only: no name. Up, Down, Page Up and Page Down scroll; Escape goes back to Today. The same figures for scripts: pulang report. 1 Today, 2 cases, 3 people and organisations, 4 meetings, 5 agreements, 6 dashboard.":
        "Dasbor: berapa kasus dan pekerja yang ada, median hari dari laporan sebuah kasus sampai "
        "pekerja pulang (dengan jumlah kepulangan yang menjadi dasarnya), kasus baru per bulan "
        "selama dua belas bulan terakhir, kasus per tahap, pekerja menurut langkah mereka di "
        "jalan pulang, menurut negara tujuan dan menurut provinsi asal (provinsi dengan sedikit "
        "pekerja digabung ke \"lainnya\", agar tak seorang pun dapat ditunjuk). Hanya jumlah: "
        "tanpa nama. Atas, Bawah, Page Up dan Page Down menggulir; Escape kembali ke Hari ini. "
        "Angka yang sama untuk skrip: pulang report. 1 Hari ini, 2 kasus, 3 orang dan "
        "organisasi, 4 pertemuan, 5 perjanjian, 6 dasbor.",
    "Counting…": "Menghitung…",
    "nothing recorded": "belum ada yang dicatat",
    "dates not recorded": "tanggal tidak dicatat",
    "Or paste the list here, one worker a line (or rows copied from a spreadsheet):":
        "Atau tempel daftarnya di sini, satu pekerja per baris (atau baris yang disalin dari "
        "lembar kerja):",
    "Next field": "Kolom berikutnya",
    "Previous field": "Kolom sebelumnya",
    # one of a count (store.common.i18n.plural)
    "Add {count} worker to {ref}?": "Tambahkan {count} pekerja ke {ref}?",
    "{count} worker added to {ref}.": "{count} pekerja ditambahkan ke {ref}.",
    "{count} worker added.": "{count} pekerja ditambahkan.",
    "Add {count} worker to this case?": "Tambahkan {count} pekerja ke kasus ini?",
    "{count} row with problems is left out.": "{count} baris bermasalah ditinggalkan.",
    "{count} step deadline": "{count} tenggat langkah",
    "{count} task": "{count} tugas",
    "{field}: the line break in the cell was joined into one line":
        "{field}: jeda baris di dalam sel digabung menjadi satu baris",
    "{cases} cases, {workers} workers, on {date}": "{cases} kasus, {workers} pekerja, per {date}",
    "Days from report to return: no dated return yet":
        "Hari dari laporan sampai pulang: belum ada kepulangan bertanggal",
    "Days from report to return: median {days}, from {count} returns":
        "Hari dari laporan sampai pulang: median {days}, dari {count} kepulangan",
    "Cases by stage, workers by step, new cases per month, days to return home: counts only (6)":
        "Kasus per tahap, pekerja per langkah, kasus baru per bulan, hari sampai pulang: hanya "
        "jumlah (6)",
    "Jan": "Jan",
    "Feb": "Feb",
    "Mar": "Mar",
    "Apr": "Apr",
    "May": "Mei",
    "Jun": "Jun",
    "Jul": "Jul",
    "Aug": "Agu",
    "Sep": "Sep",
    "Oct": "Okt",
    "Nov": "Nov",
    "Dec": "Des",
    "Mon": "Sen",
    "Tue": "Sel",
    "Wed": "Rab",
    "Thu": "Kam",
    "Fri": "Jum",
    "Sat": "Sab",
    "Sun": "Min",
    # -- issue 7, older exports: `pulang import` of an export of an older schema
    # (store/exchange/export.py) --
    "This export is of database schema {theirs}, newer than this Pulang's ({ours}); update Pulang to read it.": 'Ekspor ini dari skema basis data {theirs}, lebih baru daripada skema Pulang ini ({ours}); perbarui Pulang untuk membacanya.',
    'This export of database schema {theirs} could not be brought to schema {ours}; nothing was imported.': 'Ekspor dari skema basis data {theirs} ini tidak dapat dinaikkan ke skema {ours}; tidak ada yang diimpor.',
    # -- worker lists from Excel workbooks (issue 7) --
    "an Excel workbook (.xlsx), its first sheet": "buku kerja Excel (.xlsx), lembar pertamanya",
    "This is an Excel 97-2003 workbook (.xls), which Pulang does not read: in Excel or LibreOffice, save it as an Excel workbook (.xlsx) or as CSV UTF-8, and give that file.":
        "Ini buku kerja Excel 97-2003 (.xls), yang tidak dibaca Pulang: di Excel atau "
        "LibreOffice, simpan sebagai buku kerja Excel (.xlsx) atau sebagai CSV UTF-8, lalu "
        "berikan berkas itu.",
    "This is an OpenDocument spreadsheet (.ods), which Pulang does not read: save it as an Excel workbook (.xlsx) or as CSV UTF-8, and give that file.":
        "Ini lembar kerja OpenDocument (.ods), yang tidak dibaca Pulang: simpan sebagai buku "
        "kerja Excel (.xlsx) atau sebagai CSV UTF-8, lalu berikan berkas itu.",
    "This is a zip archive, not a list of workers: give a CSV file or an Excel workbook (.xlsx).":
        "Ini arsip zip, bukan daftar pekerja: berikan berkas CSV atau buku kerja Excel (.xlsx).",
    "This Excel workbook cannot be read (it may be damaged or protected): save it again as .xlsx or as CSV UTF-8.":
        "Buku kerja Excel ini tidak dapat dibaca (mungkin rusak atau dilindungi): simpan lagi "
        "sebagai .xlsx atau sebagai CSV UTF-8.",
    # -- the union's network (store) --
    'Choose country': 'Pilih negara',
    'type a name, or F2 to choose from the list': 'ketik nama, atau F2 untuk memilih dari daftar',
    'Done': 'Selesai',
    'Where the list has a line to type in, type part of a name to narrow it: every spelling of a name is searched, and small differences of spelling are forgiven; Down or Enter moves into the list. With one choice, Enter chooses the line under the cursor; with several, Space ticks a line and Enter (or Ctrl+S) confirms. Escape goes back without changing anything.': 'Jika daftar punya baris untuk mengetik, ketik sebagian nama untuk mempersempitnya: semua ejaan nama dicari, dan perbedaan ejaan kecil dimaafkan; Panah bawah atau Enter masuk ke daftar. Jika memilih satu, Enter memilih baris di bawah kursor; jika memilih beberapa, Spasi mencentang baris dan Enter (atau Ctrl+S) mengonfirmasi. Escape kembali tanpa mengubah apa pun.',
    'type to filter': 'ketik untuk menyaring',
    'Space ticks · Enter confirms · Escape cancels': 'Spasi mencentang · Enter mengonfirmasi · Escape membatalkan',
    'Enter chooses · Escape cancels': 'Enter memilih · Escape membatalkan',
    '{shown} of {total}': '{shown} dari {total}',
    'type more to see the rest': 'ketik lebih banyak untuk melihat sisanya',
    'Choose': 'Pilih',
    'Clear': 'Kosongkan',
    '(none: Enter to choose)': '(belum ada: Enter untuk memilih)',
    '(removed)': '(dihapus)',
    'no due date': 'tanpa tenggat',
    'overdue since {date}': 'terlambat sejak {date}',
    'nobody yet': 'belum ada',
    'what is to be done': 'apa yang harus dilakukan',
    'Enter chooses a person of the directory.': 'Enter memilih seseorang dari direktori.',
    'Fill in when it is done.': 'Isi jika sudah selesai.',
    'organisation': 'organisasi',
    'person': 'orang',
    'agreement': 'perjanjian',
    'task': 'tugas',
    'names a record that does not exist: {what}': 'merujuk ke catatan yang tidak ada: {what}',
    '{what} is not in the directory any more (removed or merged by another officer?)': '{what} tidak ada lagi di direktori (dihapus atau digabung oleh petugas lain?)',
    'The organisation it is a member of': 'Organisasi induknya',
    '{name} cannot be a member of an organisation that is itself a member of {name}': '{name} tidak bisa menjadi anggota organisasi yang sendiri merupakan anggota {name}',
    'Their organisation': 'Organisasinya',
    'An organisation present': 'Salah satu organisasi yang hadir',
    'A person present': 'Salah satu orang yang hadir',
    'An agreement discussed': 'Salah satu perjanjian yang dibahas',
    'A case discussed no longer exists': 'Salah satu kasus yang dibahas sudah tidak ada',
    'A party': 'Salah satu pihak',
    'A signatory': 'Salah satu penanda tangan',
    "Change an agreement's status with its own action, which dates the change": 'Ubah status perjanjian dengan tindakannya sendiri, yang mencatat tanggal perubahan',
    'The agreement is {status}: it does not move any more.': 'Perjanjian ini {status}: statusnya tidak bisa berubah lagi.',
    'From {status} an agreement moves to {allowed}, not to {wanted}.': 'Dari {status}, perjanjian bisa berpindah ke {allowed}, bukan ke {wanted}.',
    'Nothing changed: the text is the same as version {number}, so no new version was made.': 'Tidak ada yang berubah: teksnya sama dengan versi {number}, jadi tidak dibuat versi baru.',
    'The date of the change must not be in the future.': 'Tanggal perubahan tidak boleh di masa depan.',
    'The date of the change is before the last one ({date}).': 'Tanggal perubahan lebih awal dari perubahan terakhir ({date}).',
    'The owner': 'Penanggung jawabnya',
    'The meeting': 'Pertemuannya',
    'The agreement': 'Perjanjiannya',
    'log entries': 'catatan log',
    'meetings': 'pertemuan',
    'agreements': 'perjanjian',
    'tasks': 'tugas',
    'people': 'orang',
    'member organisations': 'organisasi anggota',
    '{name} is still named in {links}: merge it into the record it duplicates instead, which keeps them.': '{name} masih disebut di {links}: gabungkan ke catatan yang digandakannya, agar semuanya tetap tersimpan.',
    'A record cannot be merged into itself.': 'Sebuah catatan tidak bisa digabung dengan dirinya sendiri.',
    'One of the two records is no longer there (merged or removed by another officer?).': 'Salah satu dari kedua catatan sudah tidak ada (digabung atau dihapus oleh petugas lain?).',
    'Both are parties to the agreement "{title}": an agreement needs two different parties.': 'Keduanya adalah pihak dalam perjanjian "{title}": perjanjian memerlukan dua pihak yang berbeda.',
    'The organisation': 'Organisasinya',
    'The person': 'Orangnya',
    'Linked organisation': 'Organisasi tertaut',
    'Linked person': 'Orang tertaut',
    'Other names and spellings': 'Nama dan ejaan lain',
    'Acronym': 'Singkatan',
    'Type': 'Jenis',
    'Country': 'Negara',
    'City': 'Kota',
    'Member of': 'Anggota dari',
    'Merged records': 'Catatan yang digabung',
    'an organisation cannot be a member of itself': 'organisasi tidak bisa menjadi anggota dirinya sendiri',
    'Organisation': 'Organisasi',
    'Title or role': 'Jabatan atau peran',
    'In this role since': 'Dalam peran ini sejak',
    'Phones': 'Telepon',
    'E-mail': 'Surel',
    'Languages': 'Bahasa',
    'Earlier roles': 'Peran sebelumnya',
    '{number}: {problem}': '{number}: {problem}',
    '{address}: not an e-mail address': '{address}: bukan alamat surel',
    'Date and time': 'Tanggal dan waktu',
    'Organisations present': 'Organisasi yang hadir',
    'People present': 'Orang yang hadir',
    'Agenda': 'Agenda',
    'Decisions': 'Keputusan',
    'Cases discussed': 'Kasus yang dibahas',
    'Agreements discussed': 'Perjanjian yang dibahas',
    'Parties': 'Para pihak',
    'Areas': 'Bidang',
    'Status': 'Status',
    'Status history': 'Riwayat status',
    'Signatories': 'Penanda tangan',
    'Draft versions': 'Versi draf',
    'version {number}: {problem}': 'versi {number}: {problem}',
    'an agreement has at least two parties': 'perjanjian memiliki sedikitnya dua pihak',
    'the versions are not numbered in order': 'versi-versinya tidak bernomor berurutan',
    'a change of status must not be in the future': 'perubahan status tidak boleh di masa depan',
    'Task': 'Tugas',
    'Owner': 'Penanggung jawab',
    'Done on': 'Selesai pada',
    'Meeting': 'Pertemuan',
    'Agreement': 'Perjanjian',
    'a task comes from a meeting or an agreement': 'tugas berasal dari pertemuan atau perjanjian',
    'trade union': 'serikat pekerja',
    'union federation or national centre': 'federasi atau konfederasi serikat pekerja',
    'regional union council': 'dewan serikat pekerja regional',
    'NGO': 'LSM',
    'police or law enforcement': 'polisi atau penegak hukum',
    'embassy or consulate': 'kedutaan atau konsulat',
    'ministry or central government': 'kementerian atau pemerintah pusat',
    'local government': 'pemerintah daerah',
    'immigration service': 'imigrasi',
    'legal service': 'layanan hukum',
    'health service': 'layanan kesehatan',
    'shelter': 'shelter',
    'international organisation': 'organisasi internasional',
    'company': 'perusahaan',
    'school or college': 'sekolah atau perguruan tinggi',
    'working visit': 'kunjungan kerja',
    'conference': 'konferensi',
    'advocacy': 'advokasi',
    'organisational management': 'manajemen organisasi',
    'legal aid': 'bantuan hukum',
    'occupational safety and health': 'keselamatan dan kesehatan kerja',
    'migrant protection': 'perlindungan pekerja migran',
    'idea': 'gagasan',
    'drafting': 'penyusunan draf',
    'negotiation': 'negosiasi',
    'signed': 'ditandatangani',
    'in force': 'berlaku',
    'expired': 'kedaluwarsa',
    'terminated': 'diakhiri',
    'People & organisations': 'Orang & organisasi',
    'Meetings': 'Pertemuan',
    'Agreements': 'Perjanjian',
    'Search everything': 'Cari di semua',
    "letter": "surat",
    "visit": "kunjungan",
    "referral": "rujukan",
    "note": "catatan",
    "sent": "dikirim",
    "received": "diterima",
    # tui/app.py
    "Help": "Bantuan",
    "Quit": "Keluar",
    "Demo database": "Basis data demo",
    "Database upgraded": "Basis data ditingkatkan",
    "Case {ref} recorded.": "Kasus {ref} tercatat.",
    "New case": "Kasus baru",
    "Press Ctrl+Q to quit.": "Tekan Ctrl+Q untuk keluar.",
    "Do you want to quit?": "Ingin keluar?",
    "Theme": "Tema",
    "Change the colours": "Ganti warna tampilan",
    "Search for themes…": "Cari tema…",
    "Leave Pulang": "Keluar dari Pulang",
    "Help and keys for the screen in front": "Bantuan dan tombol untuk layar yang sedang tampil",
    "Quit Pulang? What you typed and did not save will be lost.": (
        "Keluar dari Pulang? Yang Anda ketik dan belum disimpan akan hilang."
    ),
    # tui/cli/
    # argparse's own words in the help (tui/cli/parser.py _Parser, _HelpFormatter)
    "usage: ": "cara pakai: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "error": "kesalahan",
    "the database file (default: $PULANG_DB, else pulang.json in your data folder)": (
        "berkas basis data (bawaan: $PULANG_DB, jika tidak ada pulang.json di folder data Anda)"
    ),
    "language: en or id (default: from LANG)": "bahasa: en atau id (bawaan: dari LANG)",
    "Pulang: track workers exploited across borders until each is safe home.": (
        "Pulang: memantau pekerja yang dieksploitasi lintas negara sampai masing-masing pulang "
        "dengan selamat."
    ),
    (
        "Exit codes: 0 ok; 1 problems found; 2 file unreadable, foreign or of a newer schema; 3 "
        "wrong passphrase; 4 database busy; 5 confirmation needed and not given (no terminal to "
        "ask on, or --plaintext or --force missing); 64 usage error."
    ): (
        "Kode keluar: 0 berhasil; 1 ditemukan masalah; 2 berkas tidak terbaca, bukan milik Pulang "
        "atau berskema lebih baru; 3 frasa sandi salah; 4 basis data sedang dipakai; 5 perlu "
        "konfirmasi yang tidak diberikan (tidak ada terminal untuk bertanya, atau --plaintext "
        "atau --force tidak disertakan); 64 salah penggunaan."
    ),
    "COMMAND": "PERINTAH",
    "open a demo database built from the news item": "buka basis data demo yang dibuat dari berita",
    (
        "Write a demo database (its own file, never your real one) and open it. Run again, it "
        "reopens the demo as it is."
    ): (
        "Tulis basis data demo (berkasnya sendiri, tidak pernah basis data Anda yang asli) lalu "
        "buka. Jika dijalankan lagi, demo dibuka kembali apa adanya."
    ),
    "write the demo database but do not open the app": (
        "tulis basis data demo tetapi jangan buka aplikasinya"
    ),
    "with --db: rebuild the file if it is a demo database": (
        "dengan --db: buat ulang berkasnya jika itu basis data demo"
    ),
    "start the demo afresh, throwing away changes made in it": (
        "mulai demo dari awal, perubahan di dalamnya dibuang"
    ),
    "validate every record and reference": "periksa keabsahan setiap data dan rujukan",
    (
        "Validate every record and reference, and the audit trail's chain (as audit --verify). "
        "Exit 0 when sound, 1 when problems were found (listed), 2 when the file cannot be read "
        "as a Pulang database."
    ): (
        "Periksa keabsahan setiap data dan rujukan, serta rantai jejak audit (seperti audit "
        "--verify). Keluar dengan 0 jika semuanya baik, 1 jika ditemukan masalah (didaftar), 2 "
        "jika berkas tidak dapat dibaca sebagai basis data Pulang."
    ),
    "interrupted": "dihentikan",
    "{path} is not a demo database; the demo will not overwrite it.": (
        "{path} bukan basis data demo; demo tidak akan menimpanya."
    ),
    "Demo database rebuilt: {path}": "Basis data demo dibuat ulang: {path}",
    "Reopening the demo database as it is: {path} (--reset starts afresh)": (
        "Membuka kembali basis data demo apa adanya: {path} (--reset memulai dari awal)"
    ),
    "Demo database written: {path}": "Basis data demo ditulis: {path}",
    "{path}: sound, no problems found.": "{path}: baik, tidak ditemukan masalah.",
    "{count} problems found in {path}.": "Ditemukan {count} masalah di {path}.",
    # tui/commands.py
    "Record a new case": "Catat kasus baru",
    "Go to case…": "Buka kasus…",
    "Find a case by reference, title, place or worker name": (
        "Cari kasus menurut nomor kasus, judul, tempat atau nama pekerja"
    ),
    "Cases": "Kasus",
    "The list of all cases": "Daftar semua kasus",
    "Go to case": "Buka kasus",
    "Open this case": "Buka kasus ini",
    "Search for commands…": "Cari perintah…",
    "No matches found": "Tidak ada yang cocok",
    # tui/crash.py
    "Pulang stopped because of an internal error. Your saved data is unchanged.": (
        "Pulang berhenti karena kesalahan internal. Data Anda yang sudah tersimpan tidak berubah."
    ),
    "Please report the lines below; they contain no names or other data of your records.": (
        "Mohon laporkan baris-baris di bawah ini; isinya tidak memuat nama atau data lain dari "
        "catatan Anda."
    ),
    "During handling of the above, another error occurred:": (
        "Saat menangani kesalahan di atas, terjadi kesalahan lain:"
    ),
    "This error ended a background task ({kind}).": (
        "Kesalahan ini menghentikan tugas latar belakang ({kind})."
    ),
    # tui/screens/case/
    "Back": "Kembali",
    "Edit case": "Ubah kasus",
    "Add worker": "Tambah pekerja",
    "Log entry": "Catatan",
    "Remove worker": "Hapus pekerja",
    "Step done": "Langkah selesai",
    "Edit": "Ubah",
    "{kind} case · {place} · stage: {stage} · urgency: {urgency}": (
        "Kasus {kind} · {place} · tahap: {stage} · urgensi: {urgency}"
    ),
    "Exploitation: {kinds} · sector: {sector}": "Eksploitasi: {kinds} · sektor: {sector}",
    "Reported {date}{via} · from {origin} · officer: {officer}": (
        "Dilaporkan {date}{via} · dari {origin} · petugas: {officer}"
    ),
    "via {how}": "melalui {how}",
    "Tags: {tags}": "Label: {tags}",
    "Name": "Nama",
    "Due": "Tenggat",
    "Log ({count}), newest first · l add · Enter edit · x step done": (
        "Catatan kasus ({count}), terbaru di atas · l tambah · Enter ubah · x langkah selesai"
    ),
    "Edit case {ref}": "Ubah kasus {ref}",
    "New worker in {ref}": "Pekerja baru dalam {ref}",
    "New log entry in {ref}": "Catatan baru dalam {ref}",
    "Edit worker": "Ubah data pekerja",
    "Edit log entry": "Ubah catatan",
    "Saved.": "Tersimpan.",
    "Move to a worker in the workers list first.": "Pilih dulu seorang pekerja di daftar pekerja.",
    "Worker removed.": "Pekerja dihapus.",
    "Remove {name} from this case? Log entries stay, without the link to this worker.": (
        "Hapus {name} dari kasus ini? Catatan kasus tetap ada, tanpa tautan ke pekerja ini."
    ),
    "Remove": "Hapus",
    "Keep": "Biarkan",
    "Move to a log entry in the log first.": "Pilih dulu salah satu catatan di catatan kasus.",
    "This log entry has no next step.": "Catatan ini tidak punya langkah berikutnya.",
    "Next step marked done.": "Langkah berikutnya ditandai selesai.",
    "Next step open again.": "Langkah berikutnya dibuka lagi.",
    # tui/screens/cases.py
    "Destination": "Tujuan",
    "Wkr": "Pkj",
    "Next due": "Tenggat",
    "Filter": "Saring",
    "Sort": "Urutkan",
    "Reverse": "Balik urutan",
    (
        "All cases, most pressing next step first. Type / and part of a reference, a title, a "
        "place or any spelling of a worker's name to narrow the list; Escape clears the filter. "
        "Enter opens the case under the cursor, n starts a new case. s sorts by the next column, S"
        " reverses the order. 1 or t shows Today: what needs chasing across every open case. "
        "Ctrl+P finds any command, including going straight to a case by its reference."
    ): (
        "Semua kasus, dengan langkah berikutnya yang paling mendesak di atas. Ketik / lalu "
        "sebagian nomor kasus, judul, tempat atau ejaan mana pun dari nama pekerja untuk "
        "mempersempit daftar; Escape menghapus saringan. Enter membuka kasus di bawah kursor, n "
        "memulai kasus baru. s mengurutkan menurut kolom berikutnya, S membalik urutannya. 1 atau "
        "t menampilkan Hari ini: apa yang perlu ditindaklanjuti di semua kasus yang masih "
        "terbuka. Ctrl+P mencari perintah apa pun, termasuk langsung membuka kasus menurut nomor "
        "kasusnya."
    ),
    "/ to filter by reference, title, place or name": (
        "/ untuk menyaring menurut nomor kasus, judul, tempat atau nama"
    ),
    "Open": "Buka",
    "No cases yet. Press n to record the first one.": (
        "Belum ada kasus. Tekan n untuk mencatat kasus pertama."
    ),
    "{shown} of {total} cases match “{text}”. Escape clears the filter.": (
        "{shown} dari {total} kasus cocok dengan “{text}”. Escape menghapus saringan."
    ),
    "{total} cases. Overdue dates are highlighted.": (
        "{total} kasus. Tenggat yang terlewat disorot."
    ),
    # tui/dialogs/
    "Yes": "Ya",
    "Who is working?": "Siapa yang sedang bekerja?",
    "Several officers may work under the account {account}. Your name goes beside it in the "
    "audit trail and on what you change, until you quit.": (
        "Beberapa petugas mungkin bekerja dengan akun {account}. Nama Anda dicatat di sampingnya "
        "dalam jejak audit dan pada apa yang Anda ubah, sampai Anda keluar."
    ),
    "your name": "nama Anda",
    "Enter confirms · Escape skips": "Enter mengonfirmasi · Escape melewati",
    "Several officers may work under this computer account. Type your name and press Enter: "
    "until you quit, your changes are recorded in the audit trail as your name with the "
    "account, and a colleague whose save meets yours sees who changed the record. Escape skips "
    "it: your changes are recorded under the account only. To be asked no more, set "
    "PULANG_OFFICER to your name before starting Pulang.": (
        "Beberapa petugas mungkin bekerja dengan akun komputer ini. Ketik nama Anda dan tekan "
        "Enter: sampai Anda keluar, perubahan Anda dicatat dalam jejak audit dengan nama Anda "
        "beserta akunnya, dan rekan yang simpanannya bertemu dengan simpanan Anda melihat siapa "
        "yang mengubah catatan itu. Escape melewatinya: perubahan Anda dicatat atas nama akun "
        "saja. Agar tidak ditanya lagi, atur PULANG_OFFICER ke nama Anda sebelum menjalankan "
        "Pulang."
    ),
    "No": "Tidak",
    "Close help": "Tutup bantuan",
    "Help for this screen": "Bantuan untuk layar ini",
    "Command palette: search every command": "Palet perintah: cari semua perintah",
    "Quit Pulang (asks first if something typed is not saved)": (
        "Keluar dari Pulang (bertanya dulu jika ada ketikan yang belum disimpan)"
    ),
    "Keys": "Tombol",
    "Press Escape to close.": "Tekan Escape untuk menutup.",
    # tui/screens/form/
    "Save": "Simpan",
    "Cancel": "Batal",
    (
        "Fill in the fields and press Ctrl+S to save. Tab and Shift+Tab move between fields; Enter"
        " in a one-line field moves to the next one. In a list of choices, Space ticks an item. "
        "Fields marked * are required. Dates are written DD/MM/YYYY, or counted from today: +2 "
        "(in two days), -3 (three days ago), +1w (in a week), today, tomorrow, yesterday, hari "
        "ini, besok, kemarin, lusa; the line under the field shows the day meant, and leaving the "
        "field writes it in. If something cannot be saved, the reason appears in red, under the "
        "field (the cursor stays in its field if that one is refused, else goes to the first "
        "refused; the bottom line names them all) or, when the disk or the database is the "
        "cause, at the bottom; everything you typed stays and Ctrl+S tries again. Escape asks "
        "before throwing changes away. If another officer saved this record after you opened it, "
        "nothing is overwritten: both versions are shown side by side and you choose."
    ): (
        "Isi kolom-kolomnya lalu tekan Ctrl+S untuk menyimpan. Tab dan Shift+Tab berpindah "
        "antarkolom; Enter di kolom satu baris pindah ke kolom berikutnya. Di daftar pilihan, "
        "Space mencentang satu pilihan. Kolom bertanda * wajib diisi. Tanggal ditulis DD/MM/YYYY, "
        "atau dihitung dari hari ini: +2 (dua hari lagi), -3 (tiga hari lalu), +1mg (seminggu "
        "lagi), hari ini, besok, kemarin, lusa (juga today, tomorrow, yesterday); baris di bawah "
        "kolom menunjukkan hari yang dimaksud, dan saat keluar dari kolom tanggal itu ditulis di "
        "dalamnya. Jika ada yang tidak bisa disimpan, alasannya muncul dengan warna merah, di "
        "bawah kolomnya (kursor tetap di kolomnya bila kolom itu ditolak, bila tidak pindah ke "
        "kolom pertama yang ditolak; baris paling bawah menyebut semuanya) atau, bila "
        "penyebabnya disk atau basis data, di bagian bawah; semua yang sudah Anda ketik "
        "tetap ada dan Ctrl+S mencoba lagi. Escape bertanya dulu sebelum membuang perubahan. Jika "
        "petugas lain menyimpan data ini setelah Anda membukanya, tidak ada yang tertimpa: kedua "
        "versi ditampilkan berdampingan dan Anda yang memilih."
    ),
    "(not set)": "(belum diisi)",
    "Not saved: please correct the fields marked in red.": (
        "Belum tersimpan: perbaiki kolom yang ditandai merah."
    ),
    "Not saved: correct {fields} (marked in red).": "Belum tersimpan: perbaiki {fields} (ditandai merah).",
    "Not saved": "Belum tersimpan",
    "Discard your changes?": "Buang perubahan Anda?",
    "Discard": "Buang",
    "Keep editing": "Lanjut mengubah",
    # tui/screens/case/ (the forms)
    "e.g. Ten workers escaped a scam compound": (
        "mis. Sepuluh pekerja kabur dari kompleks penipuan daring"
    ),
    "country name or code, e.g. Cambodia or KH": "nama atau kode negara, mis. Kamboja atau KH",
    "city or area, e.g. Sihanoukville": "kota atau daerah, mis. Sihanoukville",
    "e.g. Indonesia or ID": "mis. Indonesia atau ID",
    "separated by commas": "pisahkan dengan koma",
    "other ways the name is written, separated by commas": (
        "cara lain nama ini ditulis, pisahkan dengan koma"
    ),
    "if the date of birth is not known": "jika tanggal lahir tidak diketahui",
    "e.g. 0812 3456 7890 or +62 812 3456 7890": "mis. 0812 3456 7890 atau +62 812 3456 7890",
    "Sensitive: shelters and hiding places stay in Pulang.": (
        "Sensitif: shelter dan tempat persembunyian hanya disimpan di Pulang."
    ),
    "e.g. KBRI Phnom Penh": "mis. KBRI Phnom Penh",
    "what must happen next, and who does it": "apa yang harus dilakukan berikutnya, dan oleh siapa",
    "Space ticks the workers this entry is about.": (
        "Space mencentang pekerja yang dibahas dalam catatan ini."
    ),
    # tui/widgets.py
    "Down": "Turun",
    "Up": "Naik",
    "First": "Pertama",
    "Last": "Terakhir",
    # tui/translate.py
    "palette": "palet",
    "Open the command palette": "Buka palet perintah",
    "Focus Next": "Pindah ke bagian berikutnya",
    "Focus Previous": "Pindah ke bagian sebelumnya",
    "Copy selected text": "Salin teks yang dipilih",
    "Dismiss menu": "Tutup daftar",
    # tui/screens/case/ forms (placeholders)
    "who follows this case": "siapa yang menangani kasus ini",
    "e.g. Sumatera Utara": "mis. Sumatera Utara",
    "e.g. Medan": "mis. Medan",
    "e.g. C1234567": "mis. C1234567",
    "shelter or place where the worker is now": "shelter atau tempat pekerja berada sekarang",
    "a relative's name and phone": "nama dan nomor telepon kerabat",
    "as in the passport, if known": "seperti di paspor, jika diketahui",
    "name and title": "nama dan jabatan",
    "who recorded this entry": "siapa yang mencatat ini",
    # tui/screens/case/log.py (log detail)
    "Next step: {step}": "Langkah berikutnya: {step}",
    "due {date}": "tenggat {date}",
    # store/engine/tables.py, store/engine/journal.py, store/common/errors.py (the journal)
    "{path} is older than its journal (was the file restored from a backup without {journal}?). "
    "Pulang has not changed either.": (
        "{path} lebih lama daripada jurnalnya (apakah berkas dipulihkan dari cadangan tanpa "
        "{journal}?). Pulang tidak mengubah keduanya."
    ),
    "{path} is busy: another Pulang is saving to it. Try again in a moment.": (
        "{path} sedang dipakai: Pulang lain sedang menyimpan ke sana. Coba lagi sebentar lagi."
    ),
    "{path} is not a Pulang journal; Pulang has not changed it.": (
        "{path} bukan jurnal Pulang; Pulang tidak mengubahnya."
    ),
    "{path} is damaged in the middle; Pulang has not changed it. Restore it from a backup.": (
        "{path} rusak di bagian tengah; Pulang tidak mengubahnya. Pulihkan dari cadangan."
    ),
    # tui/widgets/caselist.py, tui/screens/cases.py
    "Page up": "Halaman sebelumnya",
    "Page down": "Halaman berikutnya",
    "Opening the database…": "Membuka basis data…",
    "Saving…": "Menyimpan…",
    "Opening the database… {percent}%": "Membuka basis data… {percent}%",
    "show the version and exit": "tampilkan versi lalu keluar",
    "{path} is damaged: its contents no longer match their checksum. Pulang has not "
    "changed it; restore it from a backup.": (
        "{path} rusak: isinya tidak lagi cocok dengan checksum-nya. Pulang tidak mengubahnya; "
        "pulihkan dari cadangan."
    ),
    "A record here is damaged and cannot be shown. Run `pulang check` to find it.": (
        "Ada data yang rusak di sini dan tidak dapat ditampilkan. Jalankan `pulang check` "
        "untuk menemukannya."
    ),
    '{path} is damaged: its encryption header cannot be read. Pulang has not changed it; restore it from a backup.': '{path} rusak: kepala enkripsinya tidak dapat dibaca. Pulang tidak mengubahnya; pulihkan dari cadangan.',
    '{path} was encrypted by a newer Pulang. Update Pulang to open it; the file was not changed.': '{path} dienkripsi oleh Pulang yang lebih baru. Perbarui Pulang untuk membukanya; berkas tidak diubah.',
    '{path} is damaged: its encrypted contents fail their check. Pulang has not changed it; restore it from a backup.': '{path} rusak: isi terenkripsinya gagal diperiksa. Pulang tidak mengubahnya; pulihkan dari cadangan.',
    'The passphrase of {path} was changed since it was opened here; unlock it with the new one.': 'Frasa sandi {path} telah diganti sejak dibuka di sini; buka kuncinya dengan frasa sandi yang baru.',
    'Wrong passphrase for {path}. Nothing was changed.': 'Frasa sandi untuk {path} salah. Tidak ada yang diubah.',
    '{path} is encrypted and there is no terminal to ask for its passphrase on. Use --passphrase-fd N or PULANG_PASSPHRASE (see README).': '{path} terenkripsi dan tidak ada terminal untuk menanyakan frasa sandinya. Gunakan --passphrase-fd N atau PULANG_PASSPHRASE (lihat README).',
    '{path} is no longer encrypted: someone decrypted it since it was opened here. Open it again.': '{path} tidak lagi terenkripsi: seseorang mendekripsinya sejak dibuka di sini. Buka lagi.',
    'Pulang is locked. Unlock it with the passphrase first.': 'Pulang terkunci. Buka dulu dengan frasa sandi.',
    'Lock': 'Kunci',
    'read the passphrase from file descriptor N instead of asking (for scripts; see README for the risks)': 'baca frasa sandi dari deskriptor berkas N alih-alih bertanya (untuk skrip; lihat README tentang risikonya)',
    'encrypt the database with a passphrase': 'enkripsi basis data dengan frasa sandi',
    'Rewrite the database encrypted with a passphrase you choose (asked twice, not shown). Without the passphrase nobody can read it, and nobody can recover it either.': 'Tulis ulang basis data dalam bentuk terenkripsi dengan frasa sandi pilihan Anda (ditanya dua kali, tidak ditampilkan). Tanpa frasa sandi tidak ada yang bisa membacanya, dan tidak ada pula yang bisa memulihkannya.',
    'rewrite an encrypted database in plain text': 'tulis ulang basis data terenkripsi sebagai teks biasa',
    'Rewrite an encrypted database in plain text, after asking you to confirm.': 'Tulis ulang basis data terenkripsi sebagai teks biasa, setelah meminta konfirmasi Anda.',
    'do not ask for confirmation (for scripts)': 'jangan meminta konfirmasi (untuk skrip)',
    'change the passphrase of an encrypted database': 'ganti frasa sandi basis data terenkripsi',
    'Change the passphrase of an encrypted database: the current one, then the new one twice.': 'Ganti frasa sandi basis data terenkripsi: yang sekarang, lalu yang baru dua kali.',
    'Passphrase for {path}: ': 'Frasa sandi untuk {path}: ',
    'No new passphrase: there is no terminal to ask on. Set PULANG_NEW_PASSPHRASE or use --passphrase-fd N.': 'Tidak ada frasa sandi baru: tidak ada terminal untuk bertanya. Atur PULANG_NEW_PASSPHRASE atau gunakan --passphrase-fd N.',
    'New passphrase: ': 'Frasa sandi baru: ',
    'The new passphrase again: ': 'Frasa sandi baru sekali lagi: ',
    'The two passphrases differ. Nothing was changed.': 'Kedua frasa sandi berbeda. Tidak ada yang diubah.',
    'The passphrase is too short: use at least {count} characters (a few words are easy to remember and hard to guess). Nothing was changed.': 'Frasa sandi terlalu pendek: gunakan paling sedikit {count} karakter (beberapa kata mudah diingat dan sulit ditebak). Tidak ada yang diubah.',
    'This needs your confirmation and there is no terminal to ask on. Run it again with --yes.': 'Ini memerlukan konfirmasi Anda dan tidak ada terminal untuk bertanya. Jalankan lagi dengan --yes.',
    'y/N': 'y/T',
    '{path} is already encrypted. To change its passphrase, run `pulang passwd`.': '{path} sudah terenkripsi. Untuk mengganti frasa sandinya, jalankan `pulang passwd`.',
    '{path} is now encrypted. Keep the passphrase safe: without it nobody can read the data, and nobody can recover it.': '{path} sekarang terenkripsi. Simpan frasa sandi baik-baik: tanpanya tidak ada yang bisa membaca data, dan tidak ada yang bisa memulihkannya.',
    '{path} is not encrypted.': '{path} tidak terenkripsi.',
    'Write {path} in plain text? Anyone who can read the file will be able to read every record.': 'Tulis {path} sebagai teks biasa? Siapa pun yang dapat membaca berkas itu akan dapat membaca setiap catatan.',
    'Nothing was changed.': 'Tidak ada yang diubah.',
    '{path} is now in plain text.': '{path} sekarang berupa teks biasa.',
    '{path} is not encrypted: to encrypt it, run `pulang encrypt`.': '{path} tidak terenkripsi: untuk mengenkripsinya, jalankan `pulang encrypt`.',
    'The passphrase of {path} was changed.': 'Frasa sandi {path} telah diganti.',
    'Lock now': 'Kunci sekarang',
    'Hide everything and drop the data from memory until the passphrase is given again (Ctrl+L)': 'Sembunyikan semuanya dan buang data dari memori sampai frasa sandi dimasukkan lagi (Ctrl+L)',
    'Pulang is locked: the records and the key are not in memory. Type the passphrase and press Enter to unlock; forms you were filling in come back as you left them. After five wrong tries in a row Pulang closes. Ctrl+Q quits (asking first if a form you were filling in holds typing not saved).': 'Pulang terkunci: catatan dan kunci tidak ada di memori. Ketik frasa sandi lalu tekan Enter untuk membuka; formulir yang sedang Anda isi kembali seperti saat ditinggalkan. Setelah lima kali salah berturut-turut Pulang ditutup. Ctrl+Q untuk keluar (dengan bertanya dulu jika formulir yang sedang Anda isi berisi ketikan yang belum disimpan).',
    'This database is encrypted.': 'Basis data ini terenkripsi.',
    'Pulang is locked.': 'Pulang terkunci.',
    'Type the passphrase and press Enter.': 'Ketik frasa sandi lalu tekan Enter.',
    'passphrase': 'frasa sandi',
    'This database is not encrypted, so locking only hides the screen. Press Enter to return. Run `pulang encrypt` to protect it with a passphrase.': 'Basis data ini tidak terenkripsi, jadi penguncian hanya menyembunyikan layar. Tekan Enter untuk kembali. Jalankan `pulang encrypt` untuk melindunginya dengan frasa sandi.',
    'press Enter': 'tekan Enter',
    'Unlocking…': 'Membuka kunci…',
    'Wrong passphrase ({tries} of {most} tries). Nothing was changed.': 'Frasa sandi salah (percobaan {tries} dari {most}). Tidak ada yang diubah.',
    'Erased': 'Dihapus',
    'Erase worker': 'Hapus data pekerja',
    '(personal data erased)': '(data pribadi dihapus)',
    "This worker's personal data is already erased.": 'Data pribadi pekerja ini sudah dihapus.',
    'Erase every personal detail of {name} for good? The record stays for the counts, without name, contacts, passport or location; their name is blanked out of the log. This cannot be undone; backups from before today are deleted after {days} days.': 'Hapus semua data pribadi {name} untuk selamanya? Catatannya tetap ada untuk hitungan, tanpa nama, kontak, paspor atau lokasi; namanya dihapus dari catatan kasus. Ini tidak dapat dibatalkan; cadangan dari sebelum hari ini dihapus setelah {days} hari.',
    'Erase': 'Hapus',
    'Personal data erased.': 'Data pribadi dihapus.',
    # store/engine/audit/, the audit trail (and tui/cli/audit.py: pulang audit)
    "created": "dibuat",
    "changed": "diubah",
    "removed": "dihapus",
    "erased": "dihapus permanen",
    "merged": "digabung",
    "exported": "diekspor",
    "shared": "dibagikan",
    "restored": "dipulihkan",
    "decrypted": "didekripsi",
    "passphrase changed": "frasa sandi diganti",
    "an entry cut short by a crash was dropped": (
        "satu entri yang terpotong karena gangguan dibuang"
    ),
    "it cannot be read: its bytes were changed or cut": (
        "tidak dapat dibaca: isinya diubah atau terpotong"
    ),
    "it is encrypted, and no passphrase was given to open it": (
        "terenkripsi, dan tidak ada frasa sandi untuk membukanya"
    ),
    "it cannot be decrypted: its bytes were changed, or it was sealed with another key": (
        "tidak dapat didekripsi: isinya diubah, atau dikunci dengan kunci lain"
    ),
    "it is not encrypted, though the database is: it was added by hand": (
        "tidak terenkripsi, padahal basis datanya terenkripsi: entri ini ditambahkan secara "
        "manual"
    ),
    "its content does not match its hash: it was changed": (
        "isinya tidak cocok dengan hash-nya: entri ini telah diubah"
    ),
    "its number does not follow the entry before: an entry was removed or inserted": (
        "nomornya tidak menyambung dengan entri sebelumnya: ada entri yang dihapus atau "
        "disisipkan"
    ),
    "it does not follow the entry before: an entry was removed, inserted or moved": (
        "tidak menyambung dengan entri sebelumnya: ada entri yang dihapus, disisipkan, atau "
        "dipindahkan"
    ),
    "it is not the first entry, though it comes first: entries before it were removed": (
        "bukan entri pertama, padahal letaknya paling awal: entri sebelumnya telah dihapus"
    ),
    "The audit trail {path} is damaged; run `pulang audit --verify` to find where.": (
        "Jejak audit {path} rusak; jalankan `pulang audit --verify` untuk menemukan letaknya."
    ),
    "No audit trail yet beside the database ({path}).": (
        "Belum ada jejak audit di samping basis data ({path})."
    ),
    "audit trail intact: {count} entries": "jejak audit utuh: {count} entri",
    "(the last entry was cut short by a crash and is not counted; the next save drops it and "
    "records that)": (
        "(entri terakhir terpotong karena gangguan dan tidak dihitung; penyimpanan berikutnya "
        "membuangnya dan mencatat hal itu)"
    ),
    "audit trail broken at entry {entry} (line {line} of {path}): {reason}": (
        "jejak audit rusak pada entri {entry} (baris {line} dari {path}): {reason}"
    ),
    "saved without an audit entry": "tersimpan tanpa entri audit",
    "entry {entry}: {count} change was saved without its audit entry (the trail could not be "
    "written): {records}": (
        "entri {entry}: {count} perubahan tersimpan tanpa entri auditnya (jejak audit tidak dapat "
        "ditulis): {records}"
    ),
    "entry {entry}: {count} changes were saved without their audit entries (the trail could not "
    "be written): {records}": (
        "entri {entry}: {count} perubahan tersimpan tanpa entri auditnya (jejak audit tidak dapat "
        "ditulis): {records}"
    ),
    "{count} change": "{count} perubahan",
    "{count} changes": "{count} perubahan",
    "{count} change was saved, but it is not in the audit trail {path}, which could not be "
    "written ({reason}); tell whoever checks the trail: {records}.": (
        "{count} perubahan telah tersimpan, tetapi tidak ada di jejak audit {path}, yang tidak "
        "dapat ditulis ({reason}); beri tahu orang yang memeriksa jejak audit: {records}."
    ),
    "{count} changes were saved, but they are not in the audit trail {path}, which could not "
    "be written ({reason}); tell whoever checks the trail: {records}.": (
        "{count} perubahan telah tersimpan, tetapi tidak ada di jejak audit {path}, yang tidak "
        "dapat ditulis ({reason}); beri tahu orang yang memeriksa jejak audit: {records}."
    ),
    "Saved, but the change could not be added to the audit trail {path}: {reason}.": (
        "Tersimpan, tetapi perubahan ini tidak dapat dicatat di jejak audit {path}: {reason}."
    ),
    "Could not write to the audit trail {path}: {reason}.": (
        "Tidak dapat menulis ke jejak audit {path}: {reason}."
    ),
    "list who changed what, and when; --verify checks the trail": (
        "tampilkan siapa mengubah apa, dan kapan; --verify memeriksa jejaknya"
    ),
    "List the audit trail, oldest first: when, who (and from where), what was done to which "
    "record, and which fields changed. Values of personal and sensitive fields are never "
    "recorded, only that they changed. --verify exits 0 when the trail is intact, 1 naming its "
    "first broken entry, or the changes it records as saved without their entries.": (
        "Tampilkan jejak audit, yang terlama lebih dulu: kapan, siapa (dan dari mana), apa yang "
        "dilakukan pada data mana, dan kolom mana yang berubah. Nilai kolom pribadi dan sensitif "
        "tidak pernah dicatat, hanya bahwa kolom itu berubah. --verify keluar dengan 0 bila "
        "jejaknya utuh, 1 dengan menyebut entri rusak yang pertama, atau perubahan yang "
        "dicatatnya sebagai tersimpan tanpa entri."
    ),
    "check the hash chain of the trail instead of listing it": (
        "periksa rantai hash jejak audit alih-alih menampilkannya"
    ),
    "only the history of this record (an id, or a case reference for the case with its workers "
    "and log)": (
        "hanya riwayat data ini (sebuah id, atau nomor kasus untuk kasus itu beserta pekerja "
        "dan catatannya)"
    ),
    "{count} entries could not be read; `pulang audit --verify` says why.": (
        "{count} entri tidak dapat dibaca; `pulang audit --verify` menjelaskan sebabnya."
    ),
    # tui/screens/history.py, tui/commands.py: a case's history
    "History": "Riwayat",
    "History of this case": "Riwayat kasus ini",
    "Who changed what in this case, its workers and its log, and when": (
        "Siapa mengubah apa pada kasus ini, para pekerjanya dan catatannya, dan kapan"
    ),
    "The history of a case, newest first: every change to the case, its workers and its log, "
    "when it was made, by whom (and from where, over SSH), and which fields changed. Personal "
    "and sensitive values are never kept in the history, only that they changed. The lines "
    "under the table show the whole change under the cursor. On a removal, u brings the worker "
    "or log entry back as it was last saved, while the journal or a backup still holds it. "
    "Escape goes back to the case.": (
        "Riwayat satu kasus, yang terbaru di atas: setiap perubahan pada kasus, para pekerjanya "
        "dan catatannya, kapan dibuat, oleh siapa (dan dari mana, lewat SSH), dan kolom mana "
        "yang berubah. Nilai pribadi dan sensitif tidak pernah disimpan dalam riwayat, hanya "
        "bahwa nilai itu berubah. Baris di bawah tabel menampilkan seluruh perubahan di bawah "
        "kursor. Pada penghapusan, u mengembalikan pekerja atau catatan seperti terakhir "
        "disimpan, selama jurnal atau cadangan masih menyimpannya. Escape kembali ke kasus."
    ),
    "History of {ref}": "Riwayat {ref}",
    "History of {ref}: {count} changes, newest first": (
        "Riwayat {ref}: {count} perubahan, terbaru di atas"
    ),
    "Who": "Oleh",
    "What": "Apa",
    "Fields changed": "Kolom yang berubah",
    # store/engine/backups/, tui/cli/backups.py: backups and restore
    "opened": "dibuka",
    "before restore": "sebelum pemulihan",
    "before erase": "sebelum penghapusan",
    "{path} is not a folder; Pulang keeps its backups there and has not changed it.": (
        "{path} bukan folder; Pulang menyimpan cadangannya di sana dan tidak mengubahnya."
    ),
    "PULANG_KEEP_BACKUPS must be a whole number from 1; keeping the last {count} backups.": (
        "PULANG_KEEP_BACKUPS harus bilangan bulat mulai dari 1; yang disimpan {count} cadangan "
        "terakhir."
    ),
    "Backup skipped: another Pulang kept the database busy.": (
        "Pencadangan dilewati: basis data sedang dipakai Pulang lain."
    ),
    "Backup failed: {reason}. Your database is not affected.": (
        "Pencadangan gagal: {reason}. Basis data Anda tidak terpengaruh."
    ),
    "Backup skipped: only {free} free on the disk, and a backup needs {needed}.": (
        "Pencadangan dilewati: ruang kosong di disk hanya {free}, padahal cadangan memerlukan "
        "{needed}."
    ),
    "There is no backup number {number} of {path}; `pulang backups` lists them.": (
        "Tidak ada cadangan nomor {number} dari {path}; `pulang backups` menampilkan daftarnya."
    ),
    "There is no backup {name} of {path}; `pulang backups` lists them.": (
        "Tidak ada cadangan {name} dari {path}; `pulang backups` menampilkan daftarnya."
    ),
    "{path} is the database itself, not a backup of it.": (
        "{path} adalah basis data itu sendiri, bukan cadangannya."
    ),
    "This backup is not encrypted: after restoring it, the database is not encrypted either.": (
        "Cadangan ini tidak terenkripsi: setelah dipulihkan, basis data juga tidak terenkripsi."
    ),
    "This backup is from before a record was erased: restoring it brings the erased record "
    "back.": (
        "Cadangan ini dibuat sebelum suatu data dihapus: memulihkannya mengembalikan data yang "
        "sudah dihapus."
    ),
    "The restore of {path} stopped halfway ({reason}); run it again. The state before it is "
    "kept in the backups.": (
        "Pemulihan {path} terhenti di tengah jalan ({reason}); jalankan lagi. Keadaan "
        "sebelumnya tersimpan di cadangan."
    ),
    "Could not restore {path}: {reason}. Nothing was changed.": (
        "Tidak dapat memulihkan {path}: {reason}. Tidak ada yang diubah."
    ),
    "list the backups of the database": "tampilkan daftar cadangan basis data",
    "List the backups kept beside the database, newest first. Backups taken before an erasure "
    "that is old enough are deleted first.": (
        "Tampilkan cadangan yang disimpan di samping basis data, yang terbaru lebih dulu. "
        "Cadangan yang dibuat sebelum penghapusan yang sudah cukup lama dihapus lebih dulu."
    ),
    "put a backup back (asks first)": "pulihkan sebuah cadangan (bertanya dulu)",
    "Put a backup back as the database, after backing up its present state. Asks first; "
    "without a terminal, only with --yes (else exit 5).": (
        "Pulihkan sebuah cadangan sebagai basis data, setelah keadaannya sekarang dicadangkan. "
        "Bertanya dulu; tanpa terminal, hanya dengan --yes (jika tidak, keluar dengan kode 5)."
    ),
    "the backup's number in `pulang backups`, or its file": (
        "nomor cadangan di `pulang backups`, atau berkasnya"
    ),
    "restore without asking": "pulihkan tanpa bertanya",
    "Deleted {count} backups taken before an erasure more than {days} days ago.": (
        "{count} cadangan yang dibuat sebelum penghapusan lebih dari {days} hari lalu telah "
        "dihapus."
    ),
    "No backups of {path} yet.": "Belum ada cadangan dari {path}.",
    "Backups of {path}, newest first, in {folder}:": (
        "Cadangan dari {path}, yang terbaru lebih dulu, di {folder}:"
    ),
    "encrypted": "terenkripsi",
    "not encrypted": "tidak terenkripsi",
    "To put one back: pulang restore NUMBER": (
        "Untuk memulihkan salah satunya: pulang restore NOMOR"
    ),
    "Restoring replaces the database and there is no terminal to ask on; add --yes to restore "
    "anyway. Nothing was changed.": (
        "Pemulihan menggantikan basis data dan tidak ada terminal untuk bertanya; tambahkan "
        "--yes untuk tetap memulihkan. Tidak ada yang diubah."
    ),
    "Put back the backup of {when} ({reason}) as {path}? The present state is kept as a "
    "backup. [y/N] ": (
        "Pulihkan cadangan {when} ({reason}) sebagai {path}? Keadaan sekarang disimpan sebagai "
        "cadangan. [y/T] "
    ),
    "Nothing was restored.": "Tidak ada yang dipulihkan.",
    "Restored {path} from the backup of {when}.": "{path} dipulihkan dari cadangan {when}.",
    "Its state before the restore is kept as backup 1 ({name}).": (
        "Keadaannya sebelum pemulihan disimpan sebagai cadangan 1 ({name})."
    ),
    '{count} plain (unencrypted) backups were deleted; the next backup is encrypted.': '{count} cadangan biasa (tidak terenkripsi) dihapus; cadangan berikutnya terenkripsi.',
    # store/engine/unfinished.py: an encrypt or passwd cut short, finished on the next opening
    "{path} was left by an interrupted encrypt or passwd, but it cannot be read; it was "
    "removed. Run `pulang check` on the database.": (
        "{path} ditinggalkan oleh encrypt atau passwd yang terputus, tetapi tidak dapat dibaca; "
        "berkas itu dihapus. Jalankan `pulang check` pada basis data."
    ),
    "The change of passphrase of {path} had been interrupted and cannot be finished now "
    "({reason}); Pulang tries again the next time it opens the database.": (
        "Penggantian frasa sandi {path} sempat terputus dan belum dapat diselesaikan sekarang "
        "({reason}); Pulang mencoba lagi saat berikutnya membuka basis data."
    ),
    "The encryption of {path} had been interrupted and cannot be finished now ({reason}); "
    "Pulang tries again the next time it opens the database.": (
        "Enkripsi {path} sempat terputus dan belum dapat diselesaikan sekarang ({reason}); "
        "Pulang mencoba lagi saat berikutnya membuka basis data."
    ),
    "its note of the previous key is damaged": "catatan kunci sebelumnya rusak",
    "The change of passphrase of {path} was interrupted before it took effect: the previous "
    "passphrase still opens it. Run `pulang passwd` again.": (
        "Penggantian frasa sandi {path} terputus sebelum berlaku: frasa sandi sebelumnya masih "
        "membukanya. Jalankan `pulang passwd` lagi."
    ),
    "The encryption of {path} was interrupted before it took effect: the database is still "
    "not encrypted. Run `pulang encrypt` again.": (
        "Enkripsi {path} terputus sebelum berlaku: basis data masih belum terenkripsi. "
        "Jalankan `pulang encrypt` lagi."
    ),
    "The change of passphrase of {path} had been interrupted; it is finished now: its backups "
    "and audit trail open only with the new passphrase.": (
        "Penggantian frasa sandi {path} sempat terputus; sekarang sudah diselesaikan: "
        "cadangan dan jejak auditnya hanya terbuka dengan frasa sandi yang baru."
    ),
    "{count} backup was sealed again with the new passphrase.": (
        "{count} cadangan disegel ulang dengan frasa sandi yang baru."
    ),
    "{count} backups were sealed again with the new passphrase.": (
        "{count} cadangan disegel ulang dengan frasa sandi yang baru."
    ),
    "The encryption of {path} had been interrupted; it is finished now, and nothing "
    "unencrypted is left beside it.": (
        "Enkripsi {path} sempat terputus; sekarang sudah diselesaikan, dan tidak ada lagi "
        "yang tidak terenkripsi di sampingnya."
    ),
    "{count} unencrypted backup was deleted.": "{count} cadangan tidak terenkripsi dihapus.",
    "{count} unencrypted backups were deleted.": "{count} cadangan tidak terenkripsi dihapus.",
    "{count} temporary file left by the interruption was deleted.": (
        "{count} berkas sementara yang tertinggal karena gangguan itu dihapus."
    ),
    "{count} temporary files left by the interruption were deleted.": (
        "{count} berkas sementara yang tertinggal karena gangguan itu dihapus."
    ),
    # store/db/database.py: encrypt or passwd over a note opening could not settle
    "An earlier encrypt or passwd of {path} is not finished yet: open the database again to "
    "finish it first. Nothing was changed.": (
        "encrypt atau passwd sebelumnya pada {path} belum selesai: buka basis data lagi untuk "
        "menyelesaikannya dulu. Tidak ada yang diubah."
    ),
    # store/common/errors.py, tui/screens/form/: failed writes, a busy database
    'Database busy: another officer is saving. Retrying…': 'Basis data sedang sibuk: petugas lain sedang menyimpan. Mencoba lagi…',
    'Could not save: {reason}. Nothing was changed on disk.': 'Tidak dapat menyimpan: {reason}. Tidak ada yang berubah di disk.',
    'the disk is full': 'disk penuh',
    'the disk is read-only': 'disk hanya bisa dibaca',
    'permission denied': 'izin ditolak',
    'Every change was saved, in {journal}, but Pulang could not tidy {path} up on closing: {reason}. It tries again next time.': 'Semua perubahan sudah tersimpan di {journal}, tetapi Pulang tidak dapat merapikan {path} saat ditutup: {reason}. Pulang akan mencoba lagi lain kali.',
    '{problem} What you typed is still in the form.': '{problem} Yang Anda ketik masih ada di formulir.',
    # store/common/errors.py, store/engine/sharing.py, tui/cli/files.py: sharing with a group, refusing
    # the world
    'Anyone on this computer can read or change {files}; Pulang will not open the database until you run: {command}': 'Siapa pun di komputer ini dapat membaca atau mengubah {files}; Pulang tidak akan membuka basis data sampai Anda menjalankan: {command}',
    'There is no group called {group} on this computer.': 'Tidak ada grup bernama {group} di komputer ini.',
    'You are not in the group {group}; ask your administrator to add you (or log in again if they just did).': 'Anda bukan anggota grup {group}; minta administrator menambahkan Anda (atau masuk ulang jika baru saja ditambahkan).',
    'Could not share {path}: {reason}. Ask its owner or your administrator.': 'Tidak dapat membagikan {path}: {reason}. Mintalah bantuan pemiliknya atau administrator Anda.',
    'Anyone may add files to {folder}: keep a shared database in a folder of its own (mkdir NEW; chgrp {group} NEW; chmod 2770 NEW) and move it there.': 'Siapa pun dapat menambahkan berkas ke {folder}: simpan basis data bersama di folder tersendiri (mkdir BARU; chgrp {group} BARU; chmod 2770 BARU) lalu pindahkan ke sana.',
    'Officers of {group} cannot yet add files beside the database; ask your administrator to run: chgrp {group} {folder}; chmod g+rwxs {folder}': 'Petugas grup {group} belum dapat menambahkan berkas di samping basis data; minta administrator Anda menjalankan: chgrp {group} {folder}; chmod g+rwxs {folder}',
    'when creating a new database: share it with this group of officers (mode 0660)': 'saat membuat basis data baru: bagikan dengan grup petugas ini (mode 0660)',
    'when writing the demo database: share it with this group': 'saat menulis basis data demo: bagikan dengan grup ini',
    'share a database with a group of officers on this server': 'bagikan basis data dengan grup petugas di server ini',
    'Give the database, its journal, lock file, audit trail and backups a group and mode 0660, and its folder the group and the setgid bit, so that every officer in the group can open and save it.': 'Beri basis data, jurnal, berkas kunci, jejak audit, dan cadangannya sebuah grup dan mode 0660, serta beri foldernya grup itu dan bit setgid, agar setiap petugas dalam grup dapat membuka dan menyimpannya.',
    "the group of officers' accounts": 'grup akun para petugas',
    '{path} already exists; to share it, run: pulang share --group {group} --db {path}': '{path} sudah ada; untuk membagikannya, jalankan: pulang share --group {group} --db {path}',
    '{path} is shared with the group {group}: its files are mode 0660.': '{path} dibagikan dengan grup {group}: berkas-berkasnya bermode 0660.',
    # store/common/errors.py, store/db/database.py (several officers at once)
    "Changed by {user} at {time} since you opened it; nothing was overwritten.": "Diubah oleh {user} pada {time} sejak Anda membukanya; tidak ada yang tertimpa.",
    "Removed by {user} at {time} since you opened it; nothing was overwritten.": "Dihapus oleh {user} pada {time} sejak Anda membukanya; tidak ada yang tertimpa.",
    "Changed by another officer since you opened it; nothing was overwritten.": "Diubah oleh petugas lain sejak Anda membukanya; tidak ada yang tertimpa.",
    "Removed by another officer since you opened it; nothing was overwritten.": "Dihapus oleh petugas lain sejak Anda membukanya; tidak ada yang tertimpa.",
    # tui/app.py, tui/dialogs/conflict.py, tui/screens/form/, case/ (several officers at once)
    "Updated: changes by another officer.": "Diperbarui: ada perubahan dari petugas lain.",
    "Remove anyway": "Tetap hapus",
    "Keep the worker": "Pertahankan pekerja",
    "Theirs (saved)": "Mereka (tersimpan)",
    "As you saw it": "Seperti yang Anda lihat",
    "Changed by another officer": "Diubah oleh petugas lain",
    "Another officer changed or removed this record after you opened it; nothing was overwritten. The table lists each field that differs: their saved value beside yours. Move through it with the arrows to read a field's whole value below the table. The keys at the bottom say what you can do: keep yours, keep theirs (after asking), or go back with Escape, with nothing you typed lost.": "Petugas lain mengubah atau menghapus data ini setelah Anda membukanya; tidak ada yang tertimpa. Tabel memuat setiap kolom yang berbeda: nilai tersimpan milik mereka di samping nilai Anda. Gunakan panah untuk membaca nilai lengkap sebuah kolom di bawah tabel. Tombol di bagian bawah menunjukkan pilihan Anda: simpan milik Anda, pakai milik mereka (setelah ditanya), atau kembali dengan Escape tanpa kehilangan apa pun yang sudah Anda ketik.",
    "Fields that differ ({count}):": "Kolom yang berbeda ({count}):",
    "Field": "Kolom",
    "Removed by another officer": "Dihapus oleh petugas lain",
    "Save mine again": "Simpan milik saya lagi",
    "Discard mine": "Buang milik saya",
    "Throw away what you typed? The record stays removed.": "Buang yang sudah Anda ketik? Data ini tetap terhapus.",
    "Keep mine": "Pakai punya saya",
    "Keep theirs": "Pakai punya mereka",
    "Throw away what you typed and keep their version?": "Buang yang sudah Anda ketik dan pakai versi mereka?",
    "Back to my form": "Kembali ke formulir",
    "Yours (not saved)": "Anda (belum disimpan)",
    'This record is not removed: there is nothing to bring back.': 'Data ini tidak dihapus: tidak ada yang perlu dikembalikan.',
    'a copy of this record (the journal and the backups that held it have been folded in or have expired)': 'salinan data ini (jurnal dan cadangan yang menyimpannya sudah dilebur atau kedaluwarsa)',
    'case of this record': 'kasus dari data ini',
    'Undo removal': 'Batalkan penghapusan',
    'Move to a removal first (a line that says removed).': 'Pindah dulu ke sebuah penghapusan (baris yang bertuliskan dihapus).',
    'Brought back as it was last saved.': 'Dikembalikan seperti terakhir disimpan.',
    # The input policy for text (store/domain/text.py).
    "contains an invisible control character; remove it": (
        "berisi karakter kendali yang tidak terlihat; hapuslah"
    ),
    "must fit on one line; remove the line break or tab": (
        "harus muat dalam satu baris; hapus ganti baris atau tab"
    ),
    "contains a character that cannot be stored; remove it": (
        "berisi karakter yang tidak dapat disimpan; hapuslah"
    ),
    "is too long: at most {limit} characters, this has {count}": (
        "terlalu panjang: paling banyak {limit} karakter, ini {count}"
    ),
    "has too many items: at most {limit}": "isinya terlalu banyak: paling banyak {limit}",
    # A name in a script whose width terminals disagree on, in a row (store/domain/text.py row_name).
    "[{script} script]": "[aksara {script}]",
    "is too far in the past or the future": "terlalu jauh di masa lalu atau masa depan",
    'screening': 'skrining',
    'consent': 'persetujuan',
    'road home': 'jalan pulang',
    'is about a worker who is not in its case': 'menyangkut pekerja yang tidak ada dalam kasusnya',
    'the worker has {count} of these; one is kept per worker': 'pekerja ini punya {count} data jenis ini; hanya satu yang disimpan per pekerja',
    "The workers' steps put this case at “{derived}”. Say why it should be “{stage}” instead; the reason goes into the log.": 'Menurut langkah-langkah para pekerja, kasus ini ada di tahap “{derived}”. Jelaskan mengapa seharusnya “{stage}”; alasannya masuk ke catatan kasus.',
    "Stage set by hand to “{stage}” (the workers' steps give “{derived}”): {reason}": 'Tahap diatur manual menjadi “{stage}” (menurut langkah para pekerja: “{derived}”): {reason}',
    'The case cannot be closed: {count} workers still have open steps: {who}. Mark each step done or not needed first.': 'Kasus belum bisa ditutup: {count} pekerja masih punya langkah yang belum selesai: {who}. Tandai dulu setiap langkah sebagai selesai atau tidak perlu.',
    'and {count} more': 'dan {count} lainnya',
    "Media and recruiters never receive a worker's personal data: an entry naming workers cannot be sent to {kind}.": 'Media dan perekrut tidak pernah menerima data pribadi pekerja: catatan yang menyebut nama pekerja tidak boleh dikirim ke {kind}.',
    'the status differs from the one the answers suggest ({suggested}): say why': 'status ini berbeda dari yang disarankan jawaban-jawabannya ({suggested}): jelaskan alasannya',
    'plan of this worker (start the road home first)': 'rencana pekerja ini (mulai dulu jalan pulangnya)',
    'plan of any worker of this case (start the road home first)': 'rencana pekerja mana pun dalam kasus ini (mulai dulu jalan pulangnya)',
    "Stage follows the workers' steps again: “{derived}” (it was set by hand to “{stage}”).": 'Tahap kembali mengikuti langkah para pekerja: “{derived}” (sebelumnya diatur manual menjadi “{stage}”).',
    "step {key} in this worker's plan": 'langkah {key} dalam rencana pekerja ini',
    '{count} workers: {first}': '{count} pekerja: {first}',
    '{names}: no consent to share personal data with {kind}.': '{names}: tidak ada persetujuan untuk membagikan data pribadi kepada {kind}.',
    'Stage set by hand': 'Tahap diatur manual',
    'Kind of counterpart': 'Jenis lembaga',
    'Awaiting reply': 'Menunggu balasan',
    'Sent without consent': 'Dikirim tanpa persetujuan',
    'Sent or received': 'Dikirim atau diterima',
    'a referral is sent by the union; record one that came in as a call, message or letter': 'rujukan selalu dikirim oleh serikat; catat rujukan yang masuk sebagai telepon, pesan atau surat',
    'a note stays in the union: it is neither sent nor received': 'catatan internal tetap di serikat: tidak dikirim dan tidak diterima',
    "say whether it was sent or received: whether the workers' consent is needed depends on it": 'sebutkan apakah ini dikirim atau diterima: perlu tidaknya persetujuan para pekerja bergantung pada hal itu',
    'say to what kind of organisation the workers are referred: their consent depends on it': 'sebutkan jenis lembaga tujuan rujukan para pekerja: persetujuan mereka bergantung pada hal itu',
    'only a call, message, letter or referral awaits a reply': 'hanya telepon, pesan, surat atau rujukan yang bisa menunggu balasan',
    'Worker': 'Pekerja',
    'Screened on': 'Tanggal skrining',
    'Screened by': 'Diskrining oleh',
    'Act (recruited, moved, harboured)': 'Proses (direkrut, dipindahkan, ditampung)',
    'Act: evidence': 'Proses: bukti',
    'Means (force, deception, abuse of vulnerability)': 'Cara (kekerasan, penipuan, penyalahgunaan posisi rentan)',
    'Means: evidence': 'Cara: bukti',
    'Purpose (exploitation)': 'Tujuan (eksploitasi)',
    'Purpose: evidence': 'Tujuan: bukti',
    'Under 18 when recruited': 'Di bawah 18 tahun saat direkrut',
    'abuse of vulnerability': 'penyalahgunaan kerentanan',
    'Abuse of vulnerability: evidence': 'Penyalahgunaan kerentanan: bukti',
    'deception': 'penipuan',
    'Deception: evidence': 'Penipuan: bukti',
    'restriction of movement': 'pembatasan ruang gerak',
    'Restriction of movement: evidence': 'Pembatasan ruang gerak: bukti',
    'isolation': 'isolasi',
    'Isolation: evidence': 'Isolasi: bukti',
    'physical and sexual violence': 'kekerasan fisik dan seksual',
    'Violence: evidence': 'Kekerasan: bukti',
    'intimidation and threats': 'intimidasi dan ancaman',
    'Intimidation and threats: evidence': 'Intimidasi dan ancaman: bukti',
    'retention of identity documents': 'penahanan dokumen identitas',
    'Retention of documents: evidence': 'Penahanan dokumen: bukti',
    'withholding of wages': 'penahanan upah',
    'Withholding of wages: evidence': 'Penahanan upah: bukti',
    'debt bondage': 'jeratan utang',
    'Debt bondage: evidence': 'Jeratan utang: bukti',
    'abusive working and living conditions': 'kondisi kerja dan hidup yang menyiksa',
    'Abusive conditions: evidence': 'Kondisi yang menyiksa: bukti',
    'excessive overtime': 'lembur berlebihan',
    'Excessive overtime: evidence': 'Lembur berlebihan: bukti',
    'Means of control': 'Cara pengendalian',
    'Recruited': 'Direkrut',
    'Platform': 'Platform',
    'Recruiter was': 'Perekrut adalah',
    'Trafficking status': 'Status TPPO',
    'Decided by': 'Ditetapkan oleh',
    'Why this status': 'Alasan status ini',
    'say who decided the trafficking status': 'sebutkan siapa yang menetapkan status perdagangan orang (TPPO)',
    'act': 'proses',
    'means': 'cara',
    'purpose': 'tujuan',
    'act and purpose established; a child needs no means': 'proses dan tujuan terpenuhi; untuk anak, unsur cara tidak diperlukan',
    'act, means and purpose established': 'proses, cara dan tujuan terpenuhi',
    'not established: {elements}': 'tidak terpenuhi: {elements}',
    'nothing answered yet': 'belum ada yang dijawab',
    'not yet: {elements} still unknown': 'belum: {elements} masih belum diketahui',
    'Consent given on': 'Tanggal persetujuan',
    'Taken by': 'Diminta oleh',
    'In which language': 'Dalam bahasa apa',
    'May be shared with': 'Boleh dibagikan kepada',
    'Withdrawn on': 'Ditarik pada',
    'say who took the consent': 'sebutkan siapa yang meminta persetujuan',
    "media, recruiters and others not listed can never receive a worker's personal data": 'media, perekrut dan pihak lain yang tidak ada di daftar sama sekali tidak boleh menerima data pribadi pekerja',
    'is before the consent was given': 'lebih awal dari tanggal persetujuan diberikan',
    'Organisation responsible: {problem}': 'Lembaga penanggung jawab: {problem}',
    'Template': 'Templat',
    'Steps': 'Langkah',
    'Step notes': 'Catatan langkah',
    'Why out of order': 'Alasan tidak berurutan',
    'no such template: {key}': 'templat tidak dikenal: {key}',
    'the steps do not match the template': 'langkah-langkahnya tidak cocok dengan templat',
    '{step}: the date done must not be in the future': '{step}: tanggal selesai tidak boleh tanggal yang akan datang',
    'Indonesian workers (embassy, KP2MI, police)': 'Pekerja Indonesia (KBRI, KP2MI, Polri)',
    'Report received': 'Laporan diterima',
    'embassy or union logs it': 'dicatat oleh KBRI atau serikat',
    'Rescue or safe exit': 'Penyelamatan atau keluar dengan aman',
    'host police, asked by the embassy': 'polisi setempat, atas permintaan KBRI',
    'Temporary shelter': 'Penampungan sementara',
    'embassy, host government, NGO shelter': 'KBRI, pemerintah setempat, penampungan LSM',
    'Registration and assessment': 'Pendataan dan asesmen',
    'embassy with ministry team, immigration, police': 'KBRI dengan tim kementerian, imigrasi, polisi',
    'Health care and counselling': 'Layanan kesehatan dan konseling',
    'embassy, host authorities': 'KBRI, otoritas setempat',
    'Travel document (SPLP)': 'Dokumen perjalanan (SPLP)',
    'embassy': 'KBRI',
    'Immigration clearance': 'Proses imigrasi',
    'host immigration; embassy negotiates': 'imigrasi setempat; KBRI bernegosiasi',
    'Flight home': 'Penerbangan pulang',
    'foreign ministry or embassy': 'Kemlu atau KBRI',
    'Handover at the arrival airport': 'Serah terima di bandara kedatangan',
    'ministry, KP2MI/BP3MI, police, social affairs': 'kementerian, KP2MI/BP3MI, polisi, dinas sosial',
    'Health and social rehabilitation': 'Rehabilitasi kesehatan dan sosial',
    'social affairs (RPTC), health agencies': 'Kemensos (RPTC), dinas kesehatan',
    'Return to home region and family': 'Kembali ke daerah asal dan keluarga',
    'social affairs, local government, BP3MI': 'dinas sosial, pemda, BP3MI',
    'Legal action against recruiters': 'Proses hukum terhadap perekrut',
    'police': 'polisi',
    'Monitoring after return': 'Pemantauan setelah kepulangan',
    'union, KP2MI': 'serikat, KP2MI',
    'Workers of other countries (through their embassy)': 'Pekerja negara lain (melalui kedutaan negaranya)',
    'Travel document': 'Dokumen perjalanan',
    'Journey home': 'Perjalanan pulang',
    'Received at home': 'Diterima di negara asal',
    '{step} cannot be done before {before}. Record why, to mark it done anyway.': '{step} belum bisa selesai sebelum {before}. Catat alasannya untuk tetap menandainya selesai.',
    '{stage} · {home}/{total} home': '{stage} · {home}/{total} sudah pulang',
    'yes': 'ya',
    'no': 'tidak',
    'physical threats': 'ancaman fisik',
    'threats of the police or deportation': 'ancaman lapor polisi atau deportasi',
    'threats against children or family': 'ancaman terhadap anak atau keluarga',
    'false promises': 'janji palsu',
    'physical abuse': 'kekerasan fisik',
    'sexual abuse': 'kekerasan seksual',
    'takes earnings': 'mengambil penghasilan',
    'restricts access to money': 'membatasi akses ke uang',
    'restricts medical care': 'membatasi perawatan medis',
    'withholds food, water or sleep': 'menahan makan, minum atau tidur',
    'psychological abuse': 'kekerasan psikis',
    'forced use of drugs or alcohol': 'paksaan memakai narkoba atau alkohol',
    'excessive working hours': 'jam kerja berlebihan',
    'withholds documents': 'menahan dokumen',
    'restricts movement': 'membatasi ruang gerak',
    'uses children': 'memanfaatkan anak',
    'through online social networks': 'melalui jejaring sosial daring',
    'through an online advertisement': 'melalui iklan daring',
    'at a place of business': 'di tempat usaha',
    'at a school or college': 'di sekolah atau kampus',
    'at work': 'di tempat kerja',
    'through family or family events': 'melalui keluarga atau acara keluarga',
    'through friends or social events': 'melalui teman atau acara sosial',
    'through a television advert': 'melalui iklan televisi',
    'through a newspaper advert': 'melalui iklan surat kabar',
    'intimate partner': 'pasangan',
    'friend': 'teman',
    'family': 'keluarga',
    'possible victim of trafficking': 'kemungkinan korban perdagangan orang',
    'victim of trafficking': 'korban perdagangan orang',
    'not a victim of trafficking': 'bukan korban perdagangan orang',
    'NGO or union': 'LSM atau serikat',
    'court or prosecution': 'pengadilan atau kejaksaan',
    'government body other than police': 'instansi pemerintah selain polisi',
    'partner union': 'serikat mitra',
    'embassy or ministry': 'kedutaan atau kementerian',
    'shelter or health provider': 'penampungan atau layanan kesehatan',
    'statistics (anonymous counts)': 'statistik (hitungan anonim)',
    'media': 'media',
    'recruiter': 'perekrut',
    'other organisation': 'lembaga lain',
    'to do': 'belum',
    'in progress': 'sedang berjalan',
    'done': 'selesai',
    'not needed': 'tidak perlu',
    'blocked': 'terhambat',
    'Screening': 'Skrining',
    'Consent': 'Persetujuan',
    'Consent of {name}': 'Persetujuan {name}',
    'VoT': 'KPO',
    'pos': 'mgk',
    'not': 'bkn',
    'Start the road home': 'Mulai jalan pulang',
    "A case: its facts at the top, its workers, then its log with the newest entry first. Tab moves between the workers and the log. e edits the case; a adds a worker; Enter edits the worker or log entry under the cursor; d removes the worker under the cursor (after asking); l adds a log entry, with a next step and its due date; x marks the next step of the log entry under the cursor as done, or open again. h shows the history of the case: who changed what, and when. Shift+E erases the personal data of the worker under the cursor for good (consent withdrawn, or a request under the data protection law), after asking. Escape goes back to the list.\n\nThe log's Kind column shows which way each entry went: → sent, ← received, ? not yet said (an entry kept from before Pulang asked: edit it and say which). An entry sent naming workers whose consent does not cover its kind of counterpart asks first, and what the officer decides is recorded.\n\nThe road home: p gives every worker without one a plan of the steps home (the thirteen steps for Indonesians). The workers list then becomes a grid: workers down, steps across, numbered as in the plan; ✓ done, » in progress, ✗ blocked, · to do, – not needed, and ! a deadline within a week. Left and right move between steps; the line under the grid names the step under the cursor and what is known about it. Enter on a step, or m, sets it: for the worker under the cursor, or for every worker selected, at once. Space selects the worker under the cursor (● in the first column), or unselects them, and moves down to the next; * selects all or none. The selection stays after a step is saved, for the next step of the same workers, until Escape clears it (a second Escape goes back). The step opens on the status that comes next for the least advanced of them (to do: in progress; in progress: done). The Consent column shows to whom each worker's data may go (U partner union, P police, E embassy or ministry, F family, H shelter or health, S statistics; W withdrawn); Scr shows the screening (VoT victim, pos possible, not, ? open). s opens the screening of the worker under the cursor, c their consent. The case's stage follows the steps of the least advanced worker still on the road.\n\nThe directory: a log entry can name its counterpart from People & organisations (the line under the log then shows → and the name). Shift+L offers to link the counterparts typed as free text to the directory records they most likely are: y links one, n skips it; the text as typed is never changed.\n\nA brief for a partner: b writes a brief of this case for one kind of recipient (a partner union, the police, the embassy...), as Markdown and as HTML to print, with each worker's personal data only when their consent covers that recipient.": 'Satu kasus: keterangannya di atas, lalu para pekerjanya, lalu catatan kasusnya dengan catatan terbaru di atas. Tab berpindah antara daftar pekerja dan catatan kasus. e mengubah kasus; a menambah pekerja; Enter mengubah pekerja atau catatan di bawah kursor; d menghapus pekerja di bawah kursor (setelah bertanya); l menambah catatan, dengan langkah berikutnya dan tenggatnya; x menandai langkah berikutnya dari catatan di bawah kursor sebagai selesai, atau membukanya lagi. h menampilkan riwayat kasus: siapa mengubah apa, dan kapan. Shift+E menghapus data pribadi pekerja di bawah kursor untuk selamanya (persetujuan ditarik, atau permintaan berdasarkan undang-undang pelindungan data), setelah bertanya. Escape kembali ke daftar.\n\nKolom Jenis di catatan kasus menunjukkan arah tiap catatan: → dikirim, ← diterima, ? belum disebut (catatan dari sebelum Pulang menanyakannya: ubah dan sebutkan arahnya). Catatan yang dikirim dan menyebut pekerja yang persetujuannya tidak mencakup jenis pihak tersebut bertanya dulu, dan keputusan petugas dicatat.\n\nJalan pulang: p memberi setiap pekerja yang belum punya sebuah rencana langkah pulang (tiga belas langkah untuk WNI). Daftar pekerja lalu menjadi kisi: pekerja ke bawah, langkah ke samping, bernomor seperti di rencana; ✓ selesai, » sedang berjalan, ✗ terhambat, · belum, – tidak perlu, dan ! tenggat dalam seminggu. Kiri dan kanan berpindah antarlangkah; baris di bawah kisi menyebut langkah di bawah kursor dan apa yang diketahui tentangnya. Enter pada sebuah langkah, atau m, mengisinya: untuk pekerja di bawah kursor, atau sekaligus untuk setiap pekerja yang dipilih. Spasi memilih pekerja di bawah kursor (● di kolom pertama), atau membatalkan pilihannya, lalu turun ke pekerja berikutnya; * memilih semua atau tidak satu pun. Pilihan tetap ada setelah langkah disimpan, untuk langkah berikutnya dari pekerja yang sama, sampai Escape menghapusnya (Escape kedua kembali). Langkah dibuka pada status berikutnya bagi yang paling tertinggal di antara mereka (belum: sedang berjalan; sedang berjalan: selesai). Kolom Persetujuan menunjukkan kepada siapa data tiap pekerja boleh diberikan (U serikat mitra, P polisi, E kedutaan atau kementerian, F keluarga, H penampungan atau layanan kesehatan, S statistik; W ditarik); Skr menunjukkan skrining (KPO korban, mgk kemungkinan, bkn bukan, ? terbuka). s membuka skrining pekerja di bawah kursor, c persetujuannya. Tahap kasus mengikuti langkah pekerja yang paling tertinggal di antara yang masih di jalan.\n\nDirektori: sebuah catatan bisa menyebut pihak yang dihubungi dari Orang & organisasi (baris di bawah catatan lalu menampilkan → dan namanya). Shift+L menawarkan untuk menautkan pihak yang diketik sebagai teks bebas ke catatan direktori yang paling mungkin dimaksud: y menautkan, n melewatinya; teks yang diketik tidak pernah diubah.\n\nRingkasan untuk mitra: b menulis ringkasan kasus ini untuk satu jenis penerima (serikat mitra, polisi, kedutaan...), sebagai Markdown dan sebagai HTML untuk dicetak, dengan data pribadi tiap pekerja hanya bila persetujuannya mencakup penerima itu.',
    'Select worker': 'Pilih pekerja',
    'Select all or none': 'Pilih semua atau tidak satu pun',
    'Mark step': 'Tandai langkah',
    "Stage: follow the workers' steps": 'Tahap: ikuti langkah para pekerja',
    '{stage} (set by hand)': '{stage} (diatur manual)',
    'Stage set by hand on {date}: {reason}': 'Tahap diatur manual pada {date}: {reason}',
    'Stage set by hand (the reason is not in the log any more).': 'Tahap diatur manual (alasannya tidak ada lagi di catatan kasus).',
    "The workers' steps give “{derived}”: f follows them.": 'Menurut langkah para pekerja: “{derived}”; f untuk mengikutinya.',
    'Workers ({count}) · a add · s screening · c consent · p road home': 'Pekerja ({count}) · a tambah · s skrining · c persetujuan · p jalan pulang',
    'Workers ({count}) · {stage} · Space select · m mark step · F1 keys': 'Pekerja ({count}) · {stage} · Spasi pilih · m tandai langkah · F1 tombol',
    'Workers ({count}) · {stage} · {selected} selected · Esc unselects': (
        'Pekerja ({count}) · {stage} · {selected} dipilih · Esc batal pilih'
    ),
    'W': 'W',
    'withdrawn': 'ditarik',
    'Cons.': 'Setuju',
    'Scr': 'Skr',  # the screening column's short title
    'done {date}': 'selesai {date}',
    'deadline {date}': 'tenggat {date}',
    'out of order: {why}': 'tidak berurutan: {why}',
    'no consent recorded (c)': 'belum ada persetujuan (c)',
    'consent withdrawn {date}': 'persetujuan ditarik {date}',
    'consent {date}: {kinds}': 'persetujuan {date}: {kinds}',
    'not screened (s)': 'belum diskrining (s)',
    'screening {date}: {status}': 'skrining {date}: {status}',
    '[no consent]': '[tanpa persetujuan]',
    'awaiting reply': 'menunggu balasan',
    "Sent without consent, on the officer's say: {names}": 'Dikirim tanpa persetujuan, atas keputusan petugas: {names}',
    "sent or received?": "dikirim atau diterima?",
    'Awaiting a reply': 'Menunggu balasan',
    'Every worker of this case already has a plan for the road home.': 'Setiap pekerja dalam kasus ini sudah punya rencana jalan pulang.',
    'Start the road home for {count} workers ({templates})? The steps of the stages the case has passed are marked done.': 'Mulai jalan pulang untuk {count} pekerja ({templates})? Langkah-langkah dari tahap yang sudah dilewati kasus ini ditandai selesai.',
    'Start': 'Mulai',
    'Not now': 'Nanti saja',
    'Road home started for {count} workers.': 'Jalan pulang dimulai untuk {count} pekerja.',
    'Start the road home first (p).': 'Mulai jalan pulang dulu (p).',
    "The stage already follows the workers' steps.": 'Tahap sudah mengikuti langkah para pekerja.',
    "Follow the workers' steps: stage “{derived}” instead of “{stage}”, set by hand? The log will say so.": 'Ikuti langkah para pekerja: tahap “{derived}”, bukan “{stage}” yang diatur manual? Catatan kasus akan mencatatnya.',
    'Follow': 'Ikuti',
    "The stage follows the workers' steps again: {stage}.": 'Tahap kembali mengikuti langkah para pekerja: {stage}.',
    'Move to a step in the grid first (left and right).': 'Pindah dulu ke sebuah langkah di kisi (kiri dan kanan).',
    'This worker has no plan yet: p starts one.': 'Pekerja ini belum punya rencana: p memulainya.',
    'Step saved for {count} workers.': 'Langkah disimpan untuk {count} pekerja.',
    'Step saved for {count} workers; {same} had it so already.': (
        'Langkah disimpan untuk {count} pekerja; {same} sudah demikian sebelumnya.'
    ),
    'Selection cleared.': 'Pilihan dihapus.',
    (
        "One step of the road home, for the workers named at the top; the line under them says "
        "where the step stands now. The dialog opens on the status that comes next (to do or "
        "blocked: in progress; in progress: done), for one worker as for several, so Ctrl+S "
        "moves the step one forward. The keys 1 to 5 (Alt+1 to Alt+5 while the cursor is in a "
        "field) set another: 1 to do, 2 in progress, 3 done, 4 not needed, 5 blocked. Tab "
        "moves between the organisation responsible, the date done (today when left empty), "
        "the deadline (e.g. a visa overstay date or a flight) and a note; dates are DD/MM/YYYY, "
        "or +2, -1, +1w, today, besok. For several workers a field shows a value only when "
        "they all have it; a field left as it opened changes nothing, a field changed is set "
        "for every worker named. Ctrl+S saves, as one change; a save that would change nothing "
        "says so and keeps the dialog open. Escape closes without saving. A step marked done "
        "before the steps it depends on is refused, naming every worker concerned: write why "
        "in the field that appears, and save again."
    ): (
        "Satu langkah jalan pulang, untuk pekerja yang disebut di atas; baris di bawahnya "
        "menyebut posisi langkah itu sekarang. Dialog dibuka pada status berikutnya (belum atau "
        "terhambat: sedang berjalan; sedang berjalan: selesai), untuk satu pekerja maupun "
        "beberapa, sehingga Ctrl+S memajukan langkah satu tingkat. Tombol 1 sampai 5 (Alt+1 "
        "sampai Alt+5 bila kursor ada di kolom isian) memilih status lain: 1 belum, 2 sedang "
        "berjalan, 3 selesai, 4 tidak perlu, 5 terhambat. Tab berpindah antara lembaga "
        "penanggung jawab, tanggal selesai (hari ini bila dikosongkan), tenggat (mis. tanggal "
        "izin tinggal habis atau penerbangan) dan catatan; tanggal ditulis HH/BB/TTTT, atau +2, "
        "-1, +1mg, hari ini, besok. Untuk beberapa pekerja, kolom hanya berisi nilai bila "
        "semuanya sama; kolom yang dibiarkan seperti saat dibuka tidak mengubah apa pun, kolom "
        "yang diubah berlaku untuk setiap pekerja yang disebut. Ctrl+S menyimpan, sebagai satu "
        "perubahan; simpanan yang tidak mengubah apa pun dikatakan demikian dan dialog tetap "
        "terbuka. Escape menutup tanpa menyimpan. Langkah yang ditandai selesai sebelum langkah "
        "yang menjadi syaratnya ditolak, dengan menyebut setiap pekerja yang terkena: tulis "
        "alasannya di kolom yang muncul, lalu simpan lagi."
    ),
    "Now: {statuses}": "Sekarang: {statuses}",
    "empty: today, once done": "kosong: hari ini, bila selesai",
    "differs: left empty, each keeps theirs": "berbeda: bila kosong, masing-masing tetap",
    "Nothing changed: the step is already so for every worker named. Choose another status (1–5) or change a field, or Escape.": (
        "Tidak ada yang berubah: langkah ini sudah demikian untuk setiap pekerja yang disebut. "
        "Pilih status lain (1–5) atau ubah sebuah kolom, atau Escape."
    ),
    'For: {names}': 'Untuk: {names}',
    'Usually done by: {who}': 'Biasanya dikerjakan oleh: {who}',
    'Organisation responsible': 'Lembaga penanggung jawab',
    'Date done': 'Tanggal selesai',
    'Deadline': 'Tenggat',
    'Note': 'Catatan',
    'DD/MM/YYYY': 'HH/BB/TTTT',
    '1–5 status (Alt+1–5 in a field) · Tab fields · Ctrl+S save · Esc cancel': '1–5 status (Alt+1–5 di kolom) · Tab kolom · Ctrl+S simpan · Esc batal',
    'Status: {choices}': 'Status: {choices}',
    'Date done: must not be in the future': 'Tanggal selesai: tidak boleh di masa depan',
    'Write why the step is done before the steps it depends on.': 'Tulis mengapa langkah ini selesai sebelum langkah yang menjadi syaratnya.',
    'Give every worker of this case without one a plan of the steps home (p)': 'Beri setiap pekerja kasus ini yang belum punya sebuah rencana langkah pulang (p)',
    'Screening of the worker under the cursor': 'Skrining pekerja di bawah kursor',
    'Act, means, purpose and the ILO indicators (s)': 'Proses, cara, tujuan dan indikator ILO (s)',
    'Consent of the worker under the cursor': 'Persetujuan pekerja di bawah kursor',
    'To whom their personal data may go (c)': 'Kepada siapa data pribadinya boleh diberikan (c)',
    'Mark a step': 'Tandai sebuah langkah',
    'Set the step under the cursor for the selected workers (m)': 'Isi langkah di bawah kursor untuk pekerja yang dipilih (m)',
    # Consent, referrals and the stage set by hand (tui/screens/case/, tui/dialogs/).
    "A rule asks for a reason before this can be saved. Type it and press Enter: it is saved "
    "with the change, in the log. Escape goes back without saving.": (
        "Sebuah aturan meminta alasan sebelum ini bisa disimpan. Ketik alasannya lalu tekan "
        "Enter: alasan disimpan bersama perubahannya, di catatan. Escape kembali tanpa menyimpan."
    ),
    "Enter saves · Escape cancels": "Enter menyimpan · Escape membatalkan",
    "Say why: a reason is needed.": "Sebutkan alasannya: alasan wajib diisi.",
    "Why this stage?": "Mengapa tahap ini?",
    "e.g. the embassy confirmed the flight by phone": (
        "mis. KBRI memastikan penerbangannya lewat telepon"
    ),
    "for an entry sent: decides whose consent is needed": (
        "untuk yang dikirim: menentukan persetujuan siapa yang diperlukan"
    ),
    "sent: what it says about the workers it names went to the counterpart, so their consent "
    "is checked": (
        "dikirim: isinya tentang pekerja yang disebut sampai ke pihak lawan, jadi persetujuan "
        "mereka diperiksa"
    ),
    "Space ticks it until the counterpart answers.": (
        "Space mencentangnya sampai pihak lawan menjawab."
    ),
    "{names} and {count} more": "{names} dan {count} lainnya",
    "{names}: no consent to share personal data with {kind}. Refer anyway? The override is "
    "recorded in the log.": (
        "{names}: tidak ada persetujuan untuk membagikan data pribadi kepada {kind}. Tetap "
        "rujuk? Pengecualian ini dicatat di catatan kasus."
    ),
    "Not referred: {names} gave no consent to share personal data with {kind}.": (
        "Tidak dirujuk: {names} tidak memberi persetujuan untuk membagikan data pribadi kepada "
        "{kind}."
    ),
    "Refer anyway": "Tetap rujuk",
    "{names}: no consent to share personal data with {kind}. Share anyway? The override is "
    "recorded in the log.": (
        "{names}: tidak ada persetujuan untuk membagikan data pribadi kepada {kind}. Tetap "
        "bagikan? Pengecualian ini dicatat di catatan kasus."
    ),
    "Not saved: {names} gave no consent to share personal data with {kind}.": (
        "Tidak disimpan: {names} tidak memberi persetujuan untuk membagikan data pribadi kepada "
        "{kind}."
    ),
    "Share anyway": "Tetap bagikan",
    "Back to the form": "Kembali ke formulir",
    "who explained it and took the consent": "siapa yang menjelaskan dan menerima persetujuannya",
    "e.g. Bahasa Indonesia": "mis. Bahasa Indonesia",
    "Media and recruiters never receive personal data.": (
        "Media dan perekrut tidak pernah menerima data pribadi."
    ),
    "Fill in to withdraw consent; sharing stops.": (
        "Isi untuk menarik persetujuan; pembagian data berhenti."
    ),
    # tui/screens/screening/: one worker's screening on one page
    "Act": "Tindakan",
    "Means": "Cara",
    "Purpose": "Tujuan",
    "Recruitment": "Perekrutan",
    "ILO indicator {number} of 11: {name}": "Indikator ILO {number} dari 11: {name}",
    "Recruited, platform, recruiter": "Cara direkrut, platform, perekrut",
    "Confirm": "Setujui",
    "Other status": "Status lain",
    "Unknown": "Tidak diketahui",
    "Next answer": "Jawaban berikutnya",
    "Evidence or choice": "Bukti atau pilihan",
    "Questions / recruitment": "Pertanyaan / perekrutan",
    "Next worker": "Pekerja berikutnya",
    "Previous worker": "Pekerja sebelumnya",
    "One worker's screening: is this forced labour, is this trafficking? Up and Down (or j and k) move through the questions: act, means and purpose (UN Trafficking Protocol), under 18 when recruited, then the eleven ILO indicators of forced labour, then how the worker was controlled and recruited. y, n and u answer yes, no or unknown; Space goes to the next answer. Enter or e writes the evidence note of a question on the line at the bottom (Enter keeps it, Escape drops the edit), or opens the list of a choice; m goes straight to the means of control and r to the recruitment (how, on which platform, by whom), Tab between the questions and these two. [Y], [N] and [?] show the answers. The status the answers suggest is shown as they change: act, means and purpose make a victim of trafficking; for a child no means is needed. c confirms the suggestion, o chooses another status (or none); both ask who decided. Another status than the one suggested needs a reason: w writes it. d changes the date of the screening, b who screened. Ctrl+S saves and stays on the page; PageDown and PageUp (or ] and [) go to the next or previous worker of the case. Escape goes back; unsaved changes are asked about first.": "Skrining seorang pekerja: apakah ini kerja paksa, apakah ini perdagangan orang? Panah Atas dan Bawah (atau j dan k) berpindah antarpertanyaan: tindakan, cara, dan tujuan (Protokol Perdagangan Orang PBB), di bawah 18 tahun saat direkrut, lalu sebelas indikator kerja paksa ILO, lalu bagaimana pekerja dikendalikan dan direkrut. y, n, dan u menjawab ya, tidak, atau tidak diketahui; Spasi berpindah ke jawaban berikutnya. Enter atau e menulis catatan bukti sebuah pertanyaan di baris paling bawah (Enter menyimpannya, Escape membatalkan perubahan), atau membuka daftar sebuah pilihan; m langsung ke cara pengendalian dan r ke perekrutan (bagaimana, di platform apa, oleh siapa), Tab berpindah antara pertanyaan dan kedua baris itu. [Y], [N], dan [?] menunjukkan jawaban (ya, tidak, tidak diketahui). Status yang disarankan jawaban-jawaban itu langsung berubah mengikuti jawaban: tindakan, cara, dan tujuan menjadikan seseorang korban perdagangan orang; untuk anak tidak diperlukan cara. c menyetujui saran, o memilih status lain (atau tanpa status); keduanya menanyakan siapa yang memutuskan. Status yang berbeda dari saran memerlukan alasan: w menuliskannya. d mengubah tanggal skrining, b siapa yang melakukan skrining. Ctrl+S menyimpan dan tetap di halaman ini; PageDown dan PageUp (atau ] dan [) berpindah ke pekerja berikutnya atau sebelumnya dalam kasus ini. Escape kembali; perubahan yang belum disimpan ditanyakan terlebih dahulu.",
    "Screened on {date} by {officer}": "Diskrining pada {date} oleh {officer}",
    "age {age}": "usia {age}",
    "child": "anak",
    "not saved": "belum disimpan",
    "new": "baru",
    "saved": "tersimpan",
    "Screening: {name}": "Skrining: {name}",
    "Suggested: ": "Saran: ",
    "nothing yet": "belum ada",
    "the decision differs": "keputusan berbeda",
    "the decision differs: w says why": "keputusan berbeda: w untuk menulis alasannya",
    "Decision: ": "Keputusan: ",
    "not decided yet (c confirms the suggestion, o another status)": "belum diputuskan (c menyetujui saran, o status lain)",
    "by {who}": "oleh {who}",
    "why: {why}": "alasan: {why}",
    "age now: {age}": "usia sekarang: {age}",
    "recruiter: {who}": "perekrut: {who}",
    "y, n, u answer · Enter writes the evidence": "y, n, u menjawab · Enter menulis bukti",
    "y, n, u answer": "y, n, u menjawab",
    "Enter chooses": "Enter untuk memilih",
    "This line is a choice: Enter opens its list.": "Baris ini sebuah pilihan: Enter membuka daftarnya.",
    "This question has no note: answer it with y, n or u.": "Pertanyaan ini tidak punya catatan: jawab dengan y, n, atau u.",
    "Nothing to confirm yet: answer act, means and purpose first.": "Belum ada yang bisa disetujui: jawab dulu tindakan, cara, dan tujuan.",
    "{status}: who decided?": "{status}: siapa yang memutuskan?",
    "not decided yet": "belum diputuskan",
    "Which trafficking status?": "Status perdagangan orang yang mana?",
    "This is the last worker of the case.": "Ini pekerja terakhir dalam kasus ini.",
    "This is the first worker of the case.": "Ini pekerja pertama dalam kasus ini.",
    "Not saved: {reason}": "Belum disimpan: {reason}",
    "{problem} What you typed is still here.": "{problem} Yang sudah Anda ketik masih ada di sini.",
    "Back to my screening": "Kembali ke skrining saya",
    # Today (tui/screens/today.py) and moving between it and the list.
    "Today": "Hari ini",
    "What needs chasing today, across every open case (1)": (
        "Yang perlu ditindaklanjuti hari ini, di semua kasus yang masih terbuka (1)"
    ),
    "Find a case": "Cari kasus",
    (
        "Today: what needs chasing across every open case. Next steps of the log that are "
        "overdue (marked ! overdue) or due within a week; steps home whose deadline is within a "
        "week; partners who have not answered for a few days (set how many with "
        "PULANG_REPLY_DAYS, 3 by default); tasks from meetings and agreements that are overdue "
        "or due within a week, until they are marked done; workers without a screening or a "
        "consent; last, coming up: next steps, step deadlines and tasks due after the week, "
        "within 30 days (set how many with PULANG_TODAY_DAYS), the first five shown: + (or "
        "Enter on the line that says how many more) shows them all, + again only the first "
        "five. Up and down move between the lines, Enter opens the case at that entry, "
        "worker or step, or the meeting or agreement a task comes from. 2 or Escape shows the "
        "list of all cases, and 1 or t comes back here from the list or a case. n starts a new "
        "case; / finds a case by reference, title, place or name. e exports the database to a "
        "file (json, csv or htcds statistics)."
    ): (
        "Hari ini: yang perlu ditindaklanjuti di semua kasus yang masih terbuka. Langkah "
        "berikutnya dari catatan kasus yang sudah lewat tenggat (ditandai ! lewat tenggat) atau "
        "jatuh tempo dalam seminggu; langkah jalan pulang yang tenggatnya dalam seminggu; mitra "
        "yang belum membalas selama beberapa hari (atur berapa hari dengan PULANG_REPLY_DAYS, "
        "bawaannya 3); tugas dari pertemuan dan perjanjian yang lewat tenggat atau jatuh tempo "
        "dalam seminggu, sampai ditandai selesai; pekerja yang belum diskrining atau belum "
        "memberi persetujuan; terakhir, yang akan datang: langkah berikutnya, tenggat langkah "
        "dan tugas yang jatuh tempo setelah minggu ini, dalam 30 hari (atur berapa hari dengan "
        "PULANG_TODAY_DAYS), lima yang pertama ditampilkan: + (atau Enter pada baris yang "
        "menyebut berapa lagi) menampilkan semuanya, + sekali lagi hanya lima yang pertama. "
        "Panah atas dan bawah berpindah antarbaris, Enter membuka kasusnya "
        "tepat di catatan, pekerja atau langkah itu, atau pertemuan atau perjanjian asal tugas "
        "itu. 2 atau Escape menampilkan daftar semua kasus, dan 1 atau t kembali ke sini "
        "dari daftar atau dari sebuah kasus. n memulai kasus baru; / mencari kasus menurut nomor "
        "kasus, judul, tempat atau nama. e mengekspor basis data ke sebuah berkas (json, csv atau "
        "statistik htcds)."
    ),
    "{count} overdue": "{count} lewat tenggat",
    "{count} due this week": "{count} jatuh tempo minggu ini",
    "{count} step deadlines": "{count} tenggat langkah",
    "{count} awaiting reply": "{count} menunggu balasan",
    "{count} without screening or consent": "{count} belum diskrining atau tanpa persetujuan",
    "{count} coming up": "{count} akan datang",
    "Show all coming up, or fewer": "Tampilkan semua yang akan datang, atau lebih sedikit",
    "in {days} days": "{days} hari lagi",
    "Coming up within {days} days": "Akan datang dalam {days} hari",
    "{count} more: + or Enter shows them all": "{count} lagi: + atau Enter menampilkan semuanya",
    "+ or Enter shows only the first {count}": "+ atau Enter hanya menampilkan {count} yang pertama",
    # store/domain/today.py: $PULANG_REPLY_DAYS, $PULANG_TODAY_DAYS
    "{name} must be a whole number of days from 0 to {most}; using {days}.": (
        "{name} harus bilangan bulat jumlah hari dari 0 sampai {most}; dipakai {days}."
    ),
    "{title} ({count})": "{title} ({count})",
    "{title}: none": "{title}: tidak ada",
    "overdue": "lewat tenggat",
    "Overdue and due this week": "Lewat tenggat dan jatuh tempo minggu ini",
    "today": "hari ini",
    "Step deadlines within 7 days": "Tenggat langkah dalam 7 hari",
    "{days} days": "{days} hari",
    "(no counterpart named)": "(lembaga tidak disebutkan)",
    "Without screening or consent": "Belum diskrining atau tanpa persetujuan",
    "no screening": "belum diskrining",
    "no consent": "tanpa persetujuan",
    "… and {count} more: see each case": "… dan {count} lainnya: lihat tiap kasus",
    "Nothing to chase today: no next step or deadline this week, no partner to chase, every "
    "worker screened and with a consent. Press 2 for all cases.": (
        "Tidak ada yang perlu dikejar hari ini: tidak ada langkah berikutnya atau tenggat minggu "
        "ini, tidak ada mitra yang perlu dihubungi lagi, semua pekerja sudah diskrining dan sudah "
        "memberi persetujuan. Tekan 2 untuk semua kasus."
    ),

    # -- agreements (tui/screens/agreements/) -------------------------------------------------
    "New agreement": "Perjanjian baru",
    "Cooperation agreements between organisations: each with its parties, where it stands in "
    "its lifecycle (idea, drafting, negotiation, signed, in force; expired or terminated) and "
    "since when. / and part of a title, a party or a status narrows the list; Escape clears "
    "the filter, and again goes back to Today. Enter opens the agreement under the cursor; n "
    "records a new one.": (
        "Perjanjian kerja sama antarorganisasi: masing-masing dengan para pihaknya, tahapnya "
        "dalam siklus (gagasan, penyusunan, negosiasi, ditandatangani, berlaku; berakhir atau "
        "dibatalkan) dan sejak kapan. / lalu sebagian judul, pihak atau status mempersempit "
        "daftar; Escape menghapus saringan, dan sekali lagi kembali ke Hari ini. Enter membuka "
        "perjanjian di bawah kursor; n mencatat perjanjian baru."
    ),
    "/ to filter by title, party or status": "/ untuk menyaring menurut judul, pihak atau status",
    "Since": "Sejak",
    "No agreements yet. Press n to record the first one.": (
        "Belum ada perjanjian. Tekan n untuk mencatat yang pertama."
    ),
    "{shown} of {total} agreements. Escape clears the filter.": (
        "{shown} dari {total} perjanjian. Escape menghapus saringan."
    ),
    "Agreements: {total}": "Perjanjian: {total}",
    "Agreement recorded.": "Perjanjian dicatat.",
    "Move": "Pindahkan",
    "New version": "Versi baru",
    "Compare": "Bandingkan",
    "Add commitment": "Tambah komitmen",
    "Commitment done": "Komitmen selesai",
    "One cooperation agreement: its parties and areas, where it stands and every change of "
    "status with its date, its signatories, its draft versions, its commitments and the "
    "meetings that discussed it. Up and down move between the lines that lead somewhere; Enter "
    "opens the party, signatory or meeting under the cursor, shows the text of a version, or "
    "edits a commitment. e edits the agreement. m moves it along its lifecycle: only the next "
    "steps allowed are offered, with the date of the change (today unless you say otherwise) "
    "and a note. v adds a draft version: type or paste its text, Ctrl+S keeps it. Shift+D "
    "shows what changed between two versions (the last two first): lines removed start with -, "
    "lines added with +; s switches to two columns side by side and c chooses other versions. "
    "a adds a commitment, x marks the one under the cursor done (or open again). Escape goes "
    "back.": (
        "Satu perjanjian kerja sama: para pihak dan bidangnya, tahapnya sekarang dan setiap "
        "perubahan status beserta tanggalnya, penanda tangannya, versi drafnya, komitmennya dan "
        "pertemuan yang membahasnya. Panah atas dan bawah berpindah antarbaris yang menuju ke "
        "suatu catatan; Enter membuka pihak, penanda tangan atau pertemuan di bawah kursor, "
        "menampilkan teks sebuah versi, atau mengubah komitmen. e mengubah perjanjian. m "
        "memindahkannya dalam siklusnya: hanya langkah berikut yang diizinkan yang ditawarkan, "
        "dengan tanggal perubahan (hari ini kecuali Anda menulis lain) dan catatan. v menambah "
        "versi draf: ketik atau tempel teksnya, Ctrl+S menyimpannya. Shift+D menampilkan apa yang "
        "berubah antara dua versi (dua yang terakhir lebih dulu): baris yang dihapus diawali -, "
        "baris yang ditambah diawali +; s beralih ke dua kolom berdampingan dan c memilih versi "
        "lain. a menambah komitmen, x menandai komitmen di bawah kursor selesai (atau terbuka "
        "lagi). Escape kembali."
    ),
    "Status: {status} since {date}": "Status: {status} sejak {date}",
    "Status: {status}": "Status: {status}",
    "none given": "tidak disebutkan",
    "Areas: {areas}": "Bidang: {areas}",
    "Parties ({count})": "Para pihak ({count})",
    "Signatories ({count})": "Penanda tangan ({count})",
    "Status history ({count})": "Riwayat status ({count})",
    "Draft versions ({count})": "Versi draf ({count})",
    "version {number} · {date} · {lines} lines": "versi {number} · {date} · {lines} baris",
    "Commitments ({count})": "Komitmen ({count})",
    "Meetings that discussed it ({count})": "Pertemuan yang membahasnya ({count})",
    "Commitment": "Komitmen",
    "Edit agreement": "Ubah perjanjian",
    "Now {status}.": "Sekarang {status}.",
    "New draft version": "Versi draf baru",
    "There is nothing to compare: the agreement has fewer than two versions. v adds one.": (
        "Tidak ada yang dibandingkan: perjanjian ini memiliki kurang dari dua versi. v "
        "menambah versi."
    ),
    "New commitment": "Komitmen baru",
    "Put the cursor on a commitment first.": "Letakkan kursor pada sebuah komitmen dulu.",
    "Choose where the agreement goes: press its number, or move with the arrows and press "
    "Enter. Only the moves its present status allows are offered. The date of the change is "
    "today unless you write another (DD/MM/YYYY, not in the future). The note says why or how, "
    "e.g. who signed. Enter in the note, or Ctrl+S, moves it; Escape goes back.": (
        "Pilih ke mana perjanjian berpindah: tekan nomornya, atau gunakan panah lalu tekan "
        "Enter. Hanya perpindahan yang diizinkan dari status sekarang yang ditawarkan. Tanggal "
        "perubahan adalah hari ini kecuali Anda menulis yang lain (DD/MM/YYYY, tidak di masa "
        "depan). Catatan menjelaskan mengapa atau bagaimana, mis. siapa yang menandatangani. "
        "Enter di catatan, atau Ctrl+S, memindahkannya; Escape kembali."
    ),
    "Move from {status} to:": "Pindahkan dari {status} ke:",
    "Date of the change": "Tanggal perubahan",
    "optional, e.g. signed in Jakarta by both presidents": (
        "boleh kosong, mis. ditandatangani di Jakarta oleh kedua presiden"
    ),
    "Number or Enter chooses · Ctrl+S moves · Escape cancels": (
        "Nomor atau Enter memilih · Ctrl+S memindahkan · Escape batal"
    ),
    "e.g. KSPSI–LFTU cooperation on migrant workers": (
        "mis. Kerja sama KSPSI–LFTU tentang pekerja migran"
    ),
    "At least two. Enter chooses organisations of the directory.": (
        "Paling sedikit dua. Enter memilih organisasi dari direktori."
    ),
    "Enter chooses people of the directory.": "Enter memilih orang dari direktori.",
    "Where it starts; later moves are dated on its screen.": (
        "Tahap awalnya; perpindahan berikutnya diberi tanggal di layarnya."
    ),
    "The new draft version starts from the text of the latest one: change what changes, or "
    "replace it all with a pasted text (F7 selects everything first). It is plain text; long "
    "lines wrap on the screen but are kept as typed. Tab moves to the note: what this version "
    "changes, or whose it is. Ctrl+S keeps it as the next version, dated today; the same text "
    "as the latest version is not kept again. Escape asks before throwing away what you typed.": (
        "Versi draf baru dimulai dari teks versi terakhir: ubah bagian yang berubah, atau ganti "
        "seluruhnya dengan teks yang ditempel (F7 memilih semuanya terlebih dahulu). Teksnya "
        "teks biasa; baris panjang dilipat di layar tetapi disimpan seperti diketik. Tab pindah "
        "ke catatan: apa yang diubah versi ini, atau versi siapa. Ctrl+S menyimpannya sebagai "
        "versi berikutnya, bertanggal hari ini; teks yang sama dengan versi terakhir tidak "
        "disimpan lagi. Escape bertanya dulu sebelum membuang yang sudah Anda ketik."
    ),
    "Version {number} of “{title}”": "Versi {number} dari “{title}”",
    "e.g. with LFTU's comments on article 3": "mis. dengan komentar LFTU atas pasal 3",
    "The text of the version is empty.": "Teks versi ini kosong.",
    "The text of one draft version, as it was kept; it cannot be changed (a new version is "
    "added with v on the agreement). Arrows, Page Up and Page Down scroll; text can be selected "
    "with Shift and the arrows and copied. Escape goes back.": (
        "Teks satu versi draf, seperti disimpan; teks ini tidak dapat diubah (versi baru "
        "ditambahkan dengan v pada perjanjian). Panah, Page Up dan Page Down menggulir; teks "
        "dapat dipilih dengan Shift dan panah lalu disalin. Escape kembali."
    ),
    "Side by side": "Berdampingan",
    "Choose versions": "Pilih versi",
    "What changed from one draft version to another. In one column, lines removed start with "
    "-, lines added with +, and unchanged lines around them with a space; @@ marks where each "
    "stretch of changes begins (its line numbers in each version). With colours, added lines "
    "are green and removed ones red. s shows the two versions side by side instead: the earlier "
    "on the left, the later on the right, changed lines marked - and +; s again goes back to "
    "one column. c chooses the two versions to compare. Arrows, Page Up and Page Down scroll. "
    "Escape goes back.": (
        "Apa yang berubah dari satu versi draf ke versi lain. Dalam satu kolom, baris yang "
        "dihapus diawali -, baris yang ditambah diawali +, dan baris tak berubah di sekitarnya "
        "diawali spasi; @@ menandai awal setiap bagian perubahan (nomor barisnya di tiap "
        "versi). Dengan warna, baris yang ditambah hijau dan yang dihapus merah. s menampilkan "
        "kedua versi berdampingan: yang lebih awal di kiri, yang lebih baru di kanan, baris yang "
        "berubah ditandai - dan +; s sekali lagi kembali ke satu kolom. c memilih dua versi yang "
        "dibandingkan. Panah, Page Up dan Page Down menggulir. Escape kembali."
    ),
    "Version {old} ({old_date}) → version {new} ({new_date}): {removed} lines removed, {added} "
    "added": (
        "Versi {old} ({old_date}) → versi {new} ({new_date}): {removed} baris dihapus, {added} "
        "ditambah"
    ),
    "Side by side: version {old} left, {new} right · s one column": (
        "Berdampingan: versi {old} di kiri, {new} di kanan · s satu kolom"
    ),
    "- removed · + added · s side by side · c other versions": (
        "- dihapus · + ditambah · s berdampingan · c versi lain"
    ),
    "The two versions are the same.": "Kedua versi sama.",
    "version {number}": "versi {number}",
    "Compare with which version?": "Bandingkan dengan versi mana?",
    "Compare which version?": "Bandingkan versi mana?",
    # People & organisations (task "dir": tui/screens/directory/).
    "New organisation": "Organisasi baru",
    "New person": "Orang baru",
    "People & organisations: every partner and counterpart organisation, then every person "
    "of the directory, with their title and organisation. / goes to the filter: type part of "
    "any name, spelling, acronym, title or city to narrow both lists (small differences of "
    "spelling are forgiven); Enter or Down goes back to the list, Escape clears the filter. "
    "Enter opens the organisation or person under the cursor. o adds an organisation, n a "
    "person: if the directory already holds someone or something much like it, you are asked "
    "first. Escape goes back to Today.": (
        "Orang & organisasi: semua organisasi mitra dan lembaga rekanan, lalu semua orang di "
        "direktori, dengan jabatan dan organisasinya. / menuju kolom saring: ketik sebagian "
        "nama, ejaan, singkatan, jabatan atau kota untuk mempersempit kedua daftar (perbedaan "
        "ejaan kecil dimaafkan); Enter atau panah bawah kembali ke daftar, Escape mengosongkan "
        "saringan. Enter membuka organisasi atau orang di bawah kursor. o menambah organisasi, "
        "n menambah orang: jika direktori sudah memuat orang atau organisasi yang sangat mirip, "
        "Anda ditanya dahulu. Escape kembali ke Hari ini."
    ),
    "/ to filter by any name, acronym, title or city": (
        "/ untuk menyaring menurut nama, singkatan, jabatan atau kota"
    ),
    "Organisations": "Organisasi",
    "People": "Orang",
    "Added to the directory.": "Ditambahkan ke direktori.",
    "Nothing to merge with: it is the only one of its kind.": (
        "Tidak ada yang bisa digabungkan: hanya ada satu catatan jenis ini."
    ),
    "Merge": "Gabungkan",
    "Merge which record into «{name}»?": "Catatan mana yang digabungkan ke «{name}»?",
    "Merged: both records are now one.": "Digabungkan: kedua catatan kini menjadi satu.",
    "Not done": "Tidak dilakukan",
    "Remove «{name}» from the directory?": "Hapus «{name}» dari direktori?",
    "Removed from the directory.": "Dihapus dari direktori.",
    "likely the same ({score}%)": "kemungkinan sama ({score}%)",
    "Add person": "Tambah orang",
    "One organisation: its type, place, the organisation it is a member of, other names and "
    "notes; then its people (those who were there once are marked former), its member "
    "organisations, the cases whose log names it or its people, its meetings and its "
    "agreements. Enter opens the line under the cursor. e edits the organisation; n adds a "
    "person to it. Shift+M merges a duplicate into this organisation: choose the other "
    "record, confirm, and its names, people, members and every link move here (recorded in "
    "the audit trail). d removes it, which is refused while anything names it: merge it "
    "instead. Escape goes back.": (
        "Satu organisasi: jenis, tempat, organisasi induknya, nama lain dan catatannya; lalu "
        "orang-orangnya (yang dahulu pernah di sana ditandai mantan), organisasi anggotanya, "
        "kasus yang catatannya menyebut organisasi ini atau orang-orangnya, pertemuan dan "
        "perjanjiannya. Enter membuka baris di bawah kursor. e mengubah organisasi; n menambah "
        "orang ke organisasi ini. Shift+M menggabungkan catatan ganda ke organisasi ini: pilih "
        "catatan lainnya, konfirmasi, dan nama, orang, anggota serta semua tautannya pindah ke "
        "sini (tercatat di jejak audit). d menghapusnya, yang ditolak selama masih disebut di "
        "mana pun: gabungkan saja. Escape kembali."
    ),
    "Member of {name}": "Anggota {name}",
    "former: {title}": "mantan: {title}",
    "Member organisations": "Organisasi anggota",
    "Edit organisation": "Ubah organisasi",
    "Merge «{dropped}» into «{kept}»? Its names, people, member organisations and every link "
    "move to «{kept}»; «{dropped}» is then removed. The merge is recorded in the audit "
    "trail.": (
        "Gabungkan «{dropped}» ke «{kept}»? Nama, orang, organisasi anggota dan semua "
        "tautannya pindah ke «{kept}»; lalu «{dropped}» dihapus. Penggabungan ini tercatat di "
        "jejak audit."
    ),
    "One person of the directory: their organisation, title and since when, other spellings "
    "of their name, phones, e-mails, languages and notes; then their earlier roles, every log "
    "entry naming them (Enter opens the case on that entry), the meetings they were at and "
    "the agreements they signed. Enter opens the line under the cursor. e edits the person. "
    "Shift+M merges a duplicate into this person: choose the other record, confirm, and its "
    "spellings, phones, roles and every link move here (recorded in the audit trail). d "
    "removes the person, which is refused while anything names them: merge instead. Escape "
    "goes back.": (
        "Satu orang di direktori: organisasi, jabatan dan sejak kapan, ejaan lain namanya, "
        "telepon, e-mail, bahasa dan catatan; lalu jabatan sebelumnya, setiap catatan log yang "
        "menyebutnya (Enter membuka kasusnya tepat di catatan itu), pertemuan yang dihadirinya "
        "dan perjanjian yang ditandatanganinya. Enter membuka baris di bawah kursor. e mengubah "
        "data orang ini. Shift+M menggabungkan catatan ganda ke orang ini: pilih catatan "
        "lainnya, konfirmasi, dan ejaan, telepon, jabatan serta semua tautannya pindah ke sini "
        "(tercatat di jejak audit). d menghapus orang ini, yang ditolak selama masih disebut di "
        "mana pun: gabungkan saja. Escape kembali."
    ),
    "{role}, since {date}": "{role}, sejak {date}",
    "Log entries naming them": "Catatan log yang menyebutnya",
    "Agreements signed": "Perjanjian yang ditandatangani",
    "Edit person": "Ubah data orang",
    "Merge «{dropped}» into «{kept}»? Its spellings, phones, roles and every link move to "
    "«{kept}»; «{dropped}» is then removed. The merge is recorded in the audit trail.": (
        "Gabungkan «{dropped}» ke «{kept}»? Ejaan, telepon, jabatan dan semua tautannya pindah "
        "ke «{kept}»; lalu «{dropped}» dihapus. Penggabungan ini tercatat di jejak audit."
    ),
    "Save as new": "Simpan sebagai baru",
    "Open this one": "Buka yang ini",
    "The directory already holds records much like the one you are adding: the same person "
    "or organisation under another spelling, perhaps. Up and down choose one; Enter or o "
    "opens it, on top of your form, which keeps what you typed (Escape comes back to it). s "
    "saves yours as a new record anyway: two people may share a name. Escape goes back to "
    "the form without saving.": (
        "Direktori sudah memuat catatan yang sangat mirip dengan yang Anda tambahkan: mungkin "
        "orang atau organisasi yang sama dengan ejaan lain. Panah atas dan bawah memilih; Enter "
        "atau o membukanya di atas formulir Anda, yang tetap menyimpan ketikan Anda (Escape "
        "kembali ke formulir). s tetap menyimpan catatan Anda sebagai catatan baru: dua orang "
        "bisa bernama sama. Escape kembali ke formulir tanpa menyimpan."
    ),
    "Already in the directory?": "Sudah ada di direktori?",
    "«{name}» looks like:": "«{name}» mirip dengan:",
    "Enter/o opens it · s saves as new · Escape back to the form": (
        "Enter/o membukanya · s simpan sebagai baru · Escape kembali ke formulir"
    ),
    "Looking for the same name in the directory…": "Mencari nama yang sama di direktori…",
    "e.g. Lao Federation of Trade Unions": "mis. Lao Federation of Trade Unions",
    "e.g. LFTU": "mis. LFTU",
    "e.g. Vientiane": "mis. Vientiane",
    "Enter chooses the federation or council it is a member of.": (
        "Enter memilih federasi atau dewan tempat organisasi ini menjadi anggota."
    ),
    "as they write it, e.g. Phonensan Vilaymeing": (
        "seperti yang ia tulis sendiri, mis. Phonensan Vilaymeing"
    ),
    "Enter chooses an organisation of the directory.": "Enter memilih organisasi di direktori.",
    "e.g. Senior Vice President": "mis. Wakil Presiden Senior",
    "e.g. 020 5555 0101; +62 812 3456 7890": "mis. 020 5555 0101; +62 812 3456 7890",
    "Several separated by ;. A number without a country code is read as one of the country "
    "above.": (
        "Beberapa nomor dipisahkan dengan ;. Nomor tanpa kode negara dibaca sebagai nomor "
        "negara di atas."
    ),
    "e.g. Lao, English": "mis. Laos, Inggris",
    # Meetings (tui/screens/meetings/) and their tasks in Today (task: meet).
    "{count} tasks": "{count} tugas",
    "Tasks from meetings and agreements": "Tugas dari pertemuan dan perjanjian",
    "… and {count} more: see each meeting or agreement": (
        "… dan {count} lainnya: lihat tiap pertemuan atau perjanjian"
    ),
    "New meeting": "Pertemuan baru",
    (
        "Meetings: every meeting, working visit, conference and call with partners, the most "
        "recent first. / and part of a title, a city, a country or an organisation's name (any "
        "of its names or its acronym) narrow the list; Escape clears the filter, and Escape "
        "again goes back to Today. Enter opens the meeting under the cursor: who was there, "
        "the agenda, the decisions and the follow-up tasks. n records a new meeting. 1 Today, "
        "2 cases, 3 people and organisations, 4 meetings, 5 agreements, 6 dashboard."
    ): (
        "Pertemuan: semua pertemuan, kunjungan kerja, konferensi dan panggilan dengan mitra, "
        "yang terbaru lebih dulu. / lalu sebagian judul, kota, negara atau nama organisasi "
        "(nama mana pun atau singkatannya) mempersempit daftar; Escape menghapus saringan, dan "
        "Escape sekali lagi kembali ke Hari ini. Enter membuka pertemuan di bawah kursor: siapa "
        "yang hadir, agenda, keputusan dan tugas tindak lanjutnya. n mencatat pertemuan baru. "
        "1 Hari ini, 2 kasus, 3 orang dan organisasi, 4 pertemuan, 5 perjanjian, 6 dasbor."
    ),
    "/ to filter by title, place or organisation": (
        "/ untuk menyaring menurut judul, tempat atau organisasi"
    ),
    "Date": "Tanggal",
    "No meetings yet. Press n to record the first one.": (
        "Belum ada pertemuan. Tekan n untuk mencatat yang pertama."
    ),
    "{shown} of {total} meetings match “{text}”. Escape clears the filter.": (
        "{shown} dari {total} pertemuan cocok dengan “{text}”. Escape menghapus saringan."
    ),
    "Meetings: {total}, the most recent first.": "Pertemuan: {total}, yang terbaru lebih dulu.",
    "Add task": "Tambah tugas",
    "Task done": "Tugas selesai",
    "Remove meeting": "Hapus pertemuan",
    (
        "One meeting: when and where, the organisations and people present (with their "
        "titles), the agenda and the decisions, the cases and agreements discussed, and the "
        "follow-up tasks. Up and down move between the lines; Enter opens the organisation, "
        "person, case or agreement under the cursor, or edits the task under the cursor. a "
        "adds a follow-up task, with who does it and by when: Today lists it when it is due "
        "within a week or overdue, until it is done. x marks the task under the cursor as "
        "done, or open again. e edits the task under the cursor, or, anywhere else, the "
        "meeting. d removes the meeting and its follow-up tasks, after asking. Escape goes "
        "back."
    ): (
        "Satu pertemuan: kapan dan di mana, organisasi dan orang yang hadir (dengan "
        "jabatannya), agenda dan keputusan, kasus dan perjanjian yang dibahas, serta tugas "
        "tindak lanjutnya. Panah atas dan bawah berpindah antarbaris; Enter membuka organisasi, "
        "orang, kasus atau perjanjian di bawah kursor, atau mengubah tugas di bawah kursor. a "
        "menambah tugas tindak lanjut, dengan siapa yang mengerjakan dan kapan tenggatnya: Hari "
        "ini mencantumkannya bila jatuh tempo dalam seminggu atau lewat tenggat, sampai "
        "selesai. x menandai tugas di bawah kursor selesai, atau membukanya lagi. e mengubah "
        "tugas di bawah kursor, atau, di tempat lain, pertemuannya. d menghapus pertemuan "
        "beserta tugas tindak lanjutnya, setelah bertanya. Escape kembali."
    ),
    "Meeting recorded. Press a to add a follow-up task.": (
        "Pertemuan dicatat. Tekan a untuk menambah tugas tindak lanjut."
    ),
    "Follow-up tasks": "Tugas tindak lanjut",
    "Press a to add a follow-up task.": "Tekan a untuk menambah tugas tindak lanjut.",
    "Edit task": "Ubah tugas",
    "Edit meeting": "Ubah pertemuan",
    "New follow-up task": "Tugas tindak lanjut baru",
    "Put the cursor on a task first.": "Letakkan kursor pada sebuah tugas dulu.",
    "Remove the meeting “{title}”?": "Hapus pertemuan “{title}”?",
    "Its {count} follow-up tasks are removed with it.": (
        "{count} tugas tindak lanjutnya ikut dihapus."
    ),
    "Meeting removed.": "Pertemuan dihapus.",
    "Keep it": "Simpan saja",
    "e.g. ASEAN TUC working visit to LFTU": "mis. kunjungan kerja ASEAN TUC ke LFTU",
    "country name or code, e.g. Laos or LA": "nama atau kode negara, mis. Laos atau LA",
    "Enter chooses organisations of the directory.": "Enter memilih organisasi dari direktori.",

    # -- link: the global search, the directory in the palette, log entries linked --------
    "Link this log's counterparts to the directory": (
        "Tautkan pihak yang dihubungi dalam catatan ini ke direktori"),
    "Organisations and people typed in this log that look like records of the directory: "
    "link them (Shift+L)": (
        "Lembaga dan orang yang diketik dalam catatan ini yang tampaknya ada di direktori: "
        "tautkan (Shift+L)"),
    "The directory of partner organisations and their people (3)": (
        "Direktori organisasi mitra dan orang-orangnya (3)"),
    "Meetings with partners, their decisions and follow-ups (4)": (
        "Rapat dengan mitra, keputusan dan tindak lanjutnya (4)"),
    "Cooperation agreements, their drafts and commitments (5)": (
        "Perjanjian kerja sama, drafnya dan komitmennya (5)"),
    "Cases, workers, organisations, people, meetings and agreements (Ctrl+F)": (
        "Kasus, pekerja, organisasi, orang, rapat dan perjanjian (Ctrl+F)"),
    "Open:": "Buka:",
    "Organisation in the directory": "Organisasi di direktori",
    "Person in the directory": "Orang di direktori",
    "Link counterparts": "Tautkan ke direktori",
    "L link {count}": "L tautkan {count}",
    "{count} counterparts can be linked to the directory: L": (
        "{count} pihak yang dihubungi dapat ditautkan ke direktori: L"),
    "1 counterpart can be linked to the directory: L": (
        "1 pihak yang dihubungi dapat ditautkan ke direktori: L"),
    "Every counterpart in this log is linked, or matches nobody in the directory": (
        "Semua pihak yang dihubungi dalam catatan ini sudah ditautkan, atau tidak cocok dengan "
        "siapa pun di direktori"),
    "{count} log entries linked to the directory.": "{count} entri catatan ditautkan ke direktori.",
    "1 log entry linked to the directory.": "1 entri catatan ditautkan ke direktori.",
    "Link": "Tautkan",
    "Skip": "Lewati",
    "Close": "Tutup",
    "Counterparts typed in this case's log that look like an organisation or a person of "
    "the directory. Each line shows the text as it was typed, the record of the directory "
    "it most likely means, and in how many log entries it appears. Up and down move "
    "between the lines; y links those entries to that record, n skips the line. The text "
    "typed in the entries never changes, and nothing is linked without y. Escape closes.": (
        "Pihak yang dihubungi yang diketik dalam catatan kasus ini dan tampaknya merupakan "
        "organisasi atau orang di direktori. Tiap baris menampilkan teks seperti yang diketik, "
        "data direktori yang paling mungkin dimaksud, dan di berapa entri catatan teks itu "
        "muncul. Panah atas dan bawah berpindah antarbaris; y menautkan entri-entri itu ke "
        "data tersebut, n melewati baris itu. Teks yang diketik dalam entri tidak pernah "
        "berubah, dan tidak ada yang ditautkan tanpa y. Escape menutup."
    ),
    "Link counterparts to the directory": "Tautkan pihak yang dihubungi ke direktori",
    "As typed in the log → the record of the directory it likely means. The text typed "
    "stays as it is.": (
        "Seperti diketik dalam catatan → data direktori yang kemungkinan dimaksud. Teks yang "
        "diketik tetap seperti semula."),
    "y links · n skips · Escape closes": "y tautkan · n lewati · Escape tutup",
    "linked": "ditautkan",
    "skipped": "dilewati",
    "in 1 log entry": "di 1 entri catatan",
    "in {count} log entries": "di {count} entri catatan",
    "Search everything: type part of a case reference or title, a place, a worker's name "
    "(any spelling), an organisation's name or acronym, a person's name (small differences "
    "of spelling are forgiven), or a meeting's or agreement's title. Results come grouped "
    "by kind as you type. Down or Enter moves into the results; Enter opens the one under "
    "the cursor (a worker opens in their case); Up from the first result comes back to the "
    "search line. Escape closes the search.": (
        "Cari semua: ketik sebagian nomor atau judul kasus, tempat, nama pekerja (ejaan apa "
        "pun), nama atau singkatan organisasi, nama orang (perbedaan ejaan kecil dimaafkan), "
        "atau judul rapat atau perjanjian. Hasil muncul dikelompokkan menurut jenisnya saat "
        "Anda mengetik. Panah bawah atau Enter pindah ke hasil; Enter membuka hasil di bawah "
        "kursor (pekerja dibuka di kasusnya); panah atas dari hasil pertama kembali ke baris "
        "pencarian. Escape menutup pencarian."
    ),
    "name, reference, title, place…": "nama, nomor, judul, tempat…",
    "Type to search cases, workers, organisations, people, meetings and agreements.": (
        "Ketik untuk mencari kasus, pekerja, organisasi, orang, rapat dan perjanjian."),
    "Searching…": "Mencari…",
    "first {count}": "{count} pertama",
    "Nothing matches “{query}”.": "Tidak ada yang cocok dengan “{query}”.",
    "{count} found · Down moves into the results, Enter opens": (
        "{count} ditemukan · Panah bawah ke hasil, Enter membuka"),
    # -- appout: briefs and exports from the app (tui/dialogs/) --
    "Brief of this case…": "Ringkasan kasus ini…",
    "Write a brief for a partner union, the police, the embassy...: only what each worker's "
    "consent allows (b)": (
        "Tulis ringkasan untuk serikat mitra, polisi, kedutaan...: hanya yang diizinkan "
        "persetujuan tiap pekerja (b)"),
    "Export…": "Ekspor…",
    "Write the database to a file: json (a backup), csv or htcds statistics (e on Today)": (
        "Tulis basis data ke sebuah berkas: json (cadangan), csv atau statistik htcds (e di "
        "Hari ini)"),
    "Brief": "Ringkasan",
    "Could not write {path}: {reason}. Nothing was written there.": (
        "Tidak dapat menulis {path}: {reason}. Tidak ada yang ditulis di sana."),
    "Write": "Tulis",
    "Write it unencrypted": "Tulis tanpa enkripsi",
    "Writing…": "Menulis…",
    "A brief of this case for one kind of recipient: the case's facts, each worker's step "
    "on the road home, the open requests to that recipient and the recent log entries with "
    "them. A worker's personal data is in it only when their consent covers that kind of "
    "recipient; the others appear as \"details withheld\". Choose the recipient (Enter "
    "opens the list), then the file: the brief is written as FILE.md (Markdown) and "
    "FILE.html (to print), readable by you only. Ctrl+S, or Enter in the file's field, "
    "writes it; an existing file is replaced only after asking. From an encrypted "
    "database, tick \"Write it unencrypted\" first (Space): the brief is plain text. "
    "Writing a brief is recorded in the audit trail. Escape closes without writing.": (
        "Ringkasan kasus ini untuk satu jenis penerima: keterangan kasus, langkah jalan pulang "
        "tiap pekerja, permintaan yang masih terbuka kepada penerima itu dan catatan terbaru "
        "dengannya. Data pribadi seorang pekerja hanya dimuat bila persetujuannya mencakup "
        "jenis penerima itu; yang lain tampil sebagai \"rincian ditahan\". Pilih penerima "
        "(Enter membuka daftarnya), lalu berkasnya: ringkasan ditulis sebagai BERKAS.md "
        "(Markdown) dan BERKAS.html (untuk dicetak), hanya dapat dibaca oleh Anda. Ctrl+S, "
        "atau Enter di kolom berkas, menulisnya; berkas yang sudah ada hanya diganti setelah "
        "bertanya. Dari basis data terenkripsi, centang \"Tulis tanpa enkripsi\" dulu "
        "(Spasi): ringkasan berupa teks biasa. Penulisan ringkasan dicatat di jejak audit. "
        "Escape menutup tanpa menulis."),
    "Brief of {ref}": "Ringkasan {ref}",
    "For": "Untuk",
    "Written as FILE.md and FILE.html, readable by you only.": (
        "Ditulis sebagai BERKAS.md dan BERKAS.html, hanya dapat dibaca oleh Anda."),
    "Ctrl+S write · Tab next field · Esc cancel · F1 help": (
        "Ctrl+S tulis · Tab kolom berikutnya · Esc batal · F1 bantuan"),
    "Give the file to write.": "Sebutkan berkas yang akan ditulis.",
    "The database is encrypted and a brief is plain text: tick \"Write it unencrypted\" to "
    "write it anyway. Nothing was written.": (
        "Basis data terenkripsi dan ringkasan berupa teks biasa: centang \"Tulis tanpa "
        "enkripsi\" untuk tetap menulisnya. Tidak ada yang ditulis."),
    "{path} already exists. Replace it?": "{path} sudah ada. Ganti?",
    "{paths} already exist. Replace them?": "{paths} sudah ada. Ganti keduanya?",
    "Brief written:": "Ringkasan ditulis:",
    "Details of {withheld} of {count} workers withheld: no consent for {kind}.": (
        "Rincian {withheld} dari {count} pekerja ditahan: tidak ada persetujuan untuk {kind}."),
    "Export the whole database to a file. json: every record with its id and version, a "
    "backup that `pulang import` reads back; it holds the workers' personal data. csv: a "
    ".zip with one file per kind of record, for spreadsheets; personal and sensitive "
    "fields are left out unless \"Include personal data\" is ticked. htcds: statistics "
    "in the HTCDS / CTDC columns, one row per worker whose consent covers statistics, "
    "k-anonymised: every combination of gender, age band, citizenship, country and year "
    "is shared by at least k rows (11 unless you change it; smaller keeps more detail "
    "and protects less), with no names, numbers, exact dates or free text. Choose the "
    "format (Enter opens the list) and the file; Ctrl+S, or Enter in the file's field, "
    "writes it, readable by you only. An export with personal data is written only after "
    "you confirm; from an encrypted database, tick \"Write it unencrypted\" first (Space). "
    "An existing file is replaced only after asking. Every export is recorded in the "
    "audit trail. Escape closes without writing.": (
        "Ekspor seluruh basis data ke sebuah berkas. json: setiap data dengan id dan versinya, "
        "cadangan yang dapat dibaca kembali oleh `pulang import`; memuat data pribadi para "
        "pekerja. csv: sebuah .zip berisi satu berkas per jenis data, untuk lembar kerja; "
        "kolom pribadi dan sensitif tidak dimuat kecuali \"Sertakan data pribadi\" dicentang. "
        "htcds: statistik dalam kolom HTCDS / CTDC, satu baris per pekerja yang "
        "persetujuannya mencakup statistik, dianonimkan-k: setiap kombinasi jenis kelamin, "
        "kelompok umur, kewarganegaraan, negara dan tahun dimiliki sedikitnya k baris (11 "
        "kecuali Anda mengubahnya; lebih kecil memuat lebih banyak rincian dan kurang "
        "melindungi), tanpa nama, nomor, "
        "tanggal persis atau teks bebas. Pilih format (Enter membuka daftarnya) dan berkasnya; "
        "Ctrl+S, atau Enter di kolom berkas, menulisnya, hanya dapat dibaca oleh Anda. Ekspor "
        "berisi data pribadi hanya ditulis setelah Anda mengonfirmasi; dari basis data "
        "terenkripsi, centang \"Tulis tanpa enkripsi\" dulu (Spasi). Berkas yang sudah ada "
        "hanya diganti setelah bertanya. Setiap ekspor dicatat di jejak audit. Escape menutup "
        "tanpa menulis."),
    "json: every record, a backup": "json: setiap data, cadangan",
    "csv: a .zip, one file per table": "csv: sebuah .zip, satu berkas per tabel",
    "htcds: statistics, anonymised": "htcds: statistik, dianonimkan",
    "Export the database": "Ekspor basis data",
    "Format": "Format",
    "Include personal data": "Sertakan data pribadi",
    "k (rows alike)": "k (baris serupa)",
    "k must be a whole number, 2 or more: with 1, a row could be one person. Nothing was written.":
        "k harus bilangan bulat, 2 atau lebih: dengan 1, satu baris bisa berarti satu orang. "
        "Tidak ada yang ditulis.",
    "! This file will hold the names and personal data of the workers, unencrypted: keep it "
    "safe, and delete it when it is no longer needed.": (
        "! Berkas ini akan memuat nama dan data pribadi para pekerja, tanpa enkripsi: simpan "
        "dengan aman, dan hapus bila tidak diperlukan lagi."),
    "The database is encrypted and this export would hold personal data unencrypted: tick "
    "\"Write it unencrypted\" to write it anyway. Nothing was written.": (
        "Basis data terenkripsi dan ekspor ini akan memuat data pribadi tanpa enkripsi: "
        "centang \"Tulis tanpa enkripsi\" untuk tetap menulisnya. Tidak ada yang ditulis."),
    "{path} is a folder: give a file's name.": "{path} adalah folder: sebutkan nama berkas.",
    "There is no folder {folder}. Nothing was written.": (
        "Folder {folder} tidak ada. Tidak ada yang ditulis."),
}
