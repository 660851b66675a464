/**
 * Vietnamese for the web editor's (Decap CMS) words that its own Vietnamese lacks, which it shows in English ("Add
 * tệp", "Bold", "Set Ngày đăng to now"): those of the widgets and panes the portal's editor uses; and the few it has
 * that should tell the editor more about the portal's rules. Merged into Decap's Vietnamese by the editor's page
 * (`src/pages/admin/index.astro`), in Decap's own shape and placeholders.
 */
export const decapVietnamese = {
  collection: {
    collectionTop: { viewAsList: 'Xem dạng danh sách', viewAsGrid: 'Xem dạng lưới', groupBy: 'Nhóm theo' },
    entries: { unpublishedHeader: 'Mục chưa công bố' },
    groups: { other: 'Khác', negateLabel: 'Không phải %{label}' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Trường %{widgetLabel}' } },
    editorInterface: { togglePreview: 'Bật/tắt xem trước', toggleScrollSync: 'Cuộn đồng bộ', toggleI18n: 'Bật/tắt ngôn ngữ', toggleNotes: 'Bật/tắt ghi chú' },
    editorToolbar: {
      statusInfoTooltipDraft: 'Mục đang là bản nháp. Khi đã hoàn chỉnh, chuyển sang “Đang xét duyệt” để gửi duyệt.',
      statusInfoTooltipInReview: 'Mục đang được xét duyệt; vẫn có thể sửa trong lúc chờ.',
    },
    editorWidgets: {
      markdown: {
        bold: 'Đậm', italic: 'Nghiêng', strikethrough: 'Gạch ngang', code: 'Mã', link: 'Liên kết', linkPrompt: 'Nhập địa chỉ của liên kết',
        headings: 'Tiêu đề', quote: 'Trích dẫn', bulletedList: 'Danh sách gạch đầu dòng', numberedList: 'Danh sách đánh số',
        addComponent: 'Chèn khối', toggleMode: { rich: 'Chuyển sang soạn thảo định dạng', markdown: 'Chuyển sang soạn Markdown' },
      },
      image: {
        chooseMultiple: 'Chọn các hình', chooseUrl: 'Chèn từ địa chỉ web', replaceUrl: 'Thay bằng địa chỉ web',
        promptUrl: 'Nhập địa chỉ web của hình', addMore: 'Thêm hình', removeAll: 'Gỡ bỏ mọi hình',
      },
      file: {
        chooseMultiple: 'Chọn các tập tin', chooseUrl: 'Chèn từ địa chỉ web', replaceUrl: 'Thay bằng địa chỉ web',
        promptUrl: 'Nhập địa chỉ web của tập tin', addMore: 'Thêm tập tin', removeAll: 'Gỡ bỏ mọi tập tin',
      },
      datetime: { setToNow: 'Đặt %{fieldLabel} là bây giờ' },
      list: { add: 'Thêm %{item}', addType: 'Thêm %{item}' },
      object: { expand: 'Mở rộng', collapse: 'Thu gọn' },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: { copy: 'Sao chép', copyUrl: 'Sao chép địa chỉ', copyPath: 'Sao chép đường dẫn', copyName: 'Sao chép tên', copied: 'Đã sao chép' },
    mediaLibraryModal: { close: 'Đóng' },
    // Decap's own says "lớn hơn 5242 kB": the limits as the field's hint gives them (`max_file_size` in config.yml).
    mediaLibrary: {
      fileTooLarge:
        'Tệp quá lớn, chưa được tải lên.\nẢnh tối đa 5 MB (nên dưới 1 MB: thu nhỏ ảnh, ví dụ chiều rộng 1600 điểm ảnh); tệp đính kèm tối đa 20 MB (văn bản quét thì xuất lại thành PDF hoặc giảm độ phân giải).',
    },
  },
  ui: {
    settingsDropdown: { account: 'Tùy chọn tài khoản' },
    // Decap's own: "Không thể giữ lại mục".
    toast: { onFailToPersist: 'Chưa lưu được: %{details}' },
  },
};
